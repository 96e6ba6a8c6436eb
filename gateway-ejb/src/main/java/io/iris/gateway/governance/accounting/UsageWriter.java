package io.iris.gateway.governance.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The database as the usage counters' store, behind a circuit breaker: after three failed writes in a row the
 * database is left alone for five seconds (calls fail at once with {@code CircuitBreakerOpenException}), then one
 * write probes it. While it is down the counters stay in memory, marked as changed, and the first write that
 * succeeds catches up; requests never wait on it.
 */
@ApplicationScoped
public class UsageWriter {
    @Inject
    UsageRows rows;

    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 5_000, successThreshold = 1)
    public void write(List<CounterStore.Flush> changed) {
        rows.write(changed);
    }
}
