package io.iris.gateway.observability;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Starts the request log's thread with the application, once the schema is migrated, rather than at the first
 * request: expired rows are purged even on a server that serves nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class RequestLogStartup {
    @Inject
    RequestLogWriter writer;

    @PostConstruct
    void startAtBoot() {
        writer.start();
    }
}
