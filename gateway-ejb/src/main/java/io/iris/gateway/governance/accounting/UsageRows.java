package io.iris.gateway.governance.accounting;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;

/**
 * The usage columns of budgets and rate limits: writes changed counters with native UPDATEs, all in one new
 * transaction, so a failure leaves every row as it was.
 */
@Stateless
public class UsageRows {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<CounterStore.Flush> changed) {
        for (CounterStore.Flush counter : changed) {
            write(counter);
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
