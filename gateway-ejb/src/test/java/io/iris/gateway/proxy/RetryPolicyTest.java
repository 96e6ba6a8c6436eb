package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.proxy.RetryPolicy.Action;
import io.iris.gateway.proxy.RetryPolicy.Decision;
import io.iris.gateway.snapshot.ProviderRoute;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final ProviderRoute.Network TWO_RETRIES = new ProviderRoute.Network(1000, 30_000, 30_000, 2,
            500, 5000);

    private static Decision status(int status, OptionalLong retryAfter, int retriesDone, boolean anotherKey) {
        return RetryPolicy.afterStatus(status, retryAfter, retriesDone, TWO_RETRIES, anotherKey, () -> 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 413, 422})
    void afterStatus_clientError_answeredWithoutRetryOrFallback(int code) {
        assertEquals(Action.ANSWER, status(code, OptionalLong.empty(), 0, true).action());
    }

    @Test
    void afterStatus_5xxWithRetriesLeft_retriedAfterExponentialBackoff() {
        Decision first = status(503, OptionalLong.empty(), 0, false);
        Decision second = status(503, OptionalLong.empty(), 1, false);

        assertEquals(Action.RETRY, first.action());
        assertEquals(250, first.delayMs(), "500 ms with the lowest jitter (x0.5)");
        assertEquals(500, second.delayMs());
        assertTrue(first.countsRetry());
    }

    @Test
    void afterStatus_5xxRetriesSpent_nextTarget() {
        assertEquals(Action.NEXT_TARGET, status(502, OptionalLong.empty(), 2, true).action());
    }

    @Test
    void afterStatus_rejectedKeyWithAnotherKey_dropsItAndRetriesAtOnceWithoutCountingARetry() {
        Decision decision = status(401, OptionalLong.empty(), 2, true);

        assertEquals(Action.RETRY, decision.action());
        assertEquals(0, decision.delayMs());
        assertTrue(decision.dropKey());
        assertFalse(decision.countsRetry());
        assertEquals(Action.NEXT_TARGET, status(403, OptionalLong.empty(), 0, false).action());
    }

    @Test
    void afterStatus_429WithAnotherKey_movesToItAtOnce() {
        Decision decision = status(429, OptionalLong.of(30), 0, true);

        assertEquals(Action.RETRY, decision.action());
        assertEquals(0, decision.delayMs());
        assertTrue(decision.dropKey());
    }

    @Test
    void afterStatus_429OnTheOnlyKey_waitsRetryAfterWhenItFitsTheCap() {
        Decision short_ = status(429, OptionalLong.of(2), 0, false);
        Decision long_ = status(429, OptionalLong.of(60), 0, false);
        Decision spent = status(429, OptionalLong.of(1), 2, false);

        assertEquals(Action.RETRY, short_.action());
        assertEquals(2000, short_.delayMs());
        assertEquals(Action.NEXT_TARGET, long_.action(), "60 s is over the 5 s cap: no point waiting");
        assertEquals(Action.NEXT_TARGET, spent.action());
    }

    @Test
    void backoffMs_growsUntilTheCap_withJitterBelowIt() {
        assertEquals(1500, RetryPolicy.backoffMs(2, TWO_RETRIES, () -> 0.5), "2,000 ms x 0.75");
        assertEquals(2500, RetryPolicy.backoffMs(10, TWO_RETRIES, () -> 0.0), "capped at 5,000, x 0.5");
        assertTrue(RetryPolicy.backoffMs(10, TWO_RETRIES, () -> 0.999999) < 5000);
    }

    @Test
    void afterFailure_connectionErrorOrTimeout_retriedThenNextTarget() {
        assertEquals(Action.RETRY, RetryPolicy.afterFailure(0, TWO_RETRIES, () -> 0.0).action());
        assertEquals(Action.NEXT_TARGET, RetryPolicy.afterFailure(2, TWO_RETRIES, () -> 0.0).action());
    }
}
