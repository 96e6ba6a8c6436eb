package io.iris.gateway.snapshot;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link GatewaySnapshot}. Requests call {@link #current()}: one volatile read, no lock, no
 * database. The management API calls {@link #rebuild()} after every change it commits, so the next request
 * sees the change. Bean-managed concurrency: the container must not lock {@code current()}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Snapshots {
    private final AtomicReference<GatewaySnapshot> current = new AtomicReference<>(GatewaySnapshot.EMPTY);
    private final Object rebuildLock = new Object();

    @Inject
    SnapshotLoader loader;

    @PostConstruct
    void loadAtStart() {
        rebuild();
    }

    public GatewaySnapshot current() {
        return current.get();
    }

    /**
     * Reloads everything from the database. Serialised (admin writes only, never requests) so that two
     * concurrent rebuilds cannot install an older snapshot over a newer one.
     */
    public void rebuild() {
        synchronized (rebuildLock) {
            current.set(loader.load());
        }
    }
}
