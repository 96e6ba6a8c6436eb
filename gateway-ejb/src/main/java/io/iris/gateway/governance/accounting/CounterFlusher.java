package io.iris.gateway.governance.accounting;

import io.iris.gateway.common.Failures;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Writes the live counters that changed to the database: every second, and once more at shutdown. A restart
 * therefore loses at most the last second of usage; the next start restores the counters from these rows. Never
 * on a request thread. While the database is unreachable the changes stay due and are written once it is back;
 * the outage is logged when it starts and when it ends, not every second.
 */
@Singleton
@Startup
@DependsOn("SnapshotStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CounterFlusher {
    private static final Logger LOG = Logger.getLogger(CounterFlusher.class.getName());

    @Inject
    Accounting accounting;

    @Inject
    UsageWriter writer;

    /** Flushes failed in a row; only the schedule's one thread at a time writes it. */
    private int failedInARow;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    public void everySecond() {
        flush();
    }

    @PreDestroy
    public void atShutdown() {
        flush();
    }

    private synchronized void flush() {
        List<CounterStore.Flush> changed = accounting.counters().changedSinceLastFlush();
        if (changed.isEmpty()) {
            return;
        }
        try {
            writer.write(changed);
        } catch (RuntimeException e) {
            accounting.counters().flushFailed(changed);
            if (failedInARow++ == 0) {
                LOG.warning(() -> "writing usage counters failed (" + Failures.describe(e) + "); they stay in memory"
                        + " and are written when the database answers again");
            } else if (!(e instanceof CircuitBreakerOpenException)) {
                LOG.log(Level.FINE, "writing usage counters failed again", e);
            }
            return;
        }
        if (failedInARow > 0) {
            int failed = failedInARow;
            failedInARow = 0;
            LOG.info(() -> "usage counters written again after " + failed + " failed flushes");
        }
    }
}
