package io.iris.gateway.web.observability;

import io.iris.gateway.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/iris")
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try (Connection connection = dataSource.getConnection()) {
            reachable = connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            reachable = false;
        }
        return HealthCheckResponse.named("database")
                .status(reachable && migrator.isMigrated())
                .withData("schema_migrated", migrator.isMigrated())
                .build();
    }
}
