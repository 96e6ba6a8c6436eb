package io.iris.gateway.web.observability;

import io.iris.gateway.persistence.DatabaseProbe;
import io.iris.gateway.persistence.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the schema is migrated (which needs the database) and the configuration loaded. A database that
 * goes away later does not make the gateway unready: the data plane serves from its in-memory configuration and
 * keeps usage in memory until the database is back, so taking the instance out of a load balancer would turn a
 * degraded management API into a full outage. The database's state is reported in the check's data.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
    @Inject
    DatabaseProbe database;

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = database.reachable();
        return HealthCheckResponse.named("database")
                .status(migrator.isMigrated())
                .withData("schema_migrated", migrator.isMigrated())
                .withData("database_reachable", reachable)
                .build();
    }
}
