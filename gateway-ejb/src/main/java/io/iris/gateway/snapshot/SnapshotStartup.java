package io.iris.gateway.snapshot;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Builds the first configuration snapshot at start, once the schema is migrated. */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SnapshotStartup {
    @Inject
    Snapshots snapshots;

    @PostConstruct
    void loadAtStart() {
        snapshots.rebuild();
    }
}
