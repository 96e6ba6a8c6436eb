package io.iris.gateway.governance.accounting;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the live counters that changed to the database: every second, in one transaction, and once more at
 * shutdown. A restart therefore loses at most the last second of usage; the next start restores the counters from
 * these rows. Never on a request thread.
 */
@Singleton
@Startup
@DependsOn("SnapshotStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CounterFlusher {
    private static final Logger LOG = Logger.getLogger(CounterFlusher.class.getName());

    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    Accounting accounting;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    public void everySecond() {
        flush();
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void atShutdown() {
        flush();
    }

    private void flush() {
        List<CounterStore.Flush> changed = accounting.counters().changedSinceLastFlush();
        try {
            for (CounterStore.Flush counter : changed) {
                write(counter);
            }
        } catch (RuntimeException e) {
            // Marked as changed again, so the next flush writes them; the transaction rolls back.
            accounting.counters().flushFailed(changed);
            LOG.log(Level.WARNING, "writing " + changed.size() + " usage counters failed; retried in a second", e);
            throw e;
        }
    }

    private void write(CounterStore.Flush counter) {
        Timestamp windowStart = Timestamp.from(counter.windowStart());
        String sql = switch (counter.key().kind()) {
            case BUDGET -> "UPDATE budgets SET current_usage = ?1, last_reset = ?2 WHERE id = ?3";
            case REQUESTS -> "UPDATE rate_limits SET request_current_usage = ?1, request_last_reset = ?2 WHERE id = ?3";
            case TOKENS -> "UPDATE rate_limits SET token_current_usage = ?1, token_last_reset = ?2 WHERE id = ?3";
        };
        Object used = counter.key().kind() == CounterKey.Kind.BUDGET ? Money.usd(counter.used())
                : (Object) counter.used();
        em.createNativeQuery(sql)
                .setParameter(1, used)
                .setParameter(2, windowStart)
                .setParameter(3, counter.key().limitId())
                .executeUpdate();
    }
}
