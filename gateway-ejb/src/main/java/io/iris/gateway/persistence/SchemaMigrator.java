package io.iris.gateway.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database to the schema of {@code sql/} at start, then checks that every entity maps onto it.
 * Hibernate never generates schema. A failure here stops the application from starting, which is
 * what an operator wants rather than a gateway that half works.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {
    /** The sql module's jar holds the migrations here, with the empty marker file {@code flyway.location}
     * that Flyway needs to find a classpath folder on WebSphere and Liberty. */
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/iris")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "iris")
    private EntityManagerFactory entityManagerFactory;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                // Scanning a jar inside an EAR can quietly find nothing; that must stop the start, not pass.
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        migrated = true;
    }

    public boolean isMigrated() {
        return migrated;
    }
}
