package io.iris.gateway.snapshot;

import io.iris.gateway.governance.accounting.Accounting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link GatewaySnapshot}. Requests call {@link #current()}: one volatile read, no lock, no
 * database, no transaction. The management API calls {@link #rebuild()} after every change it commits, so the
 * next request sees the change; {@link SnapshotStartup} builds the first one. A CDI bean rather than an EJB on
 * purpose: an EJB call would wrap every request's read in container work (a transaction, interceptors).
 */
@ApplicationScoped
public class Snapshots {
    private final AtomicReference<GatewaySnapshot> current = new AtomicReference<>(GatewaySnapshot.EMPTY);
    private final Object rebuildLock = new Object();

    @Inject
    SnapshotLoader loader;

    @Inject
    Accounting accounting;

    public GatewaySnapshot current() {
        return current.get();
    }

    /**
     * Reloads everything from the database. Serialised (admin writes only, never requests) so that two
     * concurrent rebuilds cannot install an older snapshot over a newer one.
     */
    public void rebuild() {
        synchronized (rebuildLock) {
            GatewaySnapshot next = loader.load();
            // Counters for new limits exist before a request can see them; removed ones go.
            accounting.counters().sync(next.limits().specs());
            current.set(next);
        }
    }
}
