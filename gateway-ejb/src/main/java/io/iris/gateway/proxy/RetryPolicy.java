package io.iris.gateway.proxy;

import io.iris.gateway.snapshot.ProviderRoute;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * What to do after an attempt on a target failed before the client saw a byte (API.md §3). 401 and 403 retire
 * the key for the request and move to another key at once. 429 moves to another key at once; with none left it
 * waits for {@code Retry-After} when that fits in the provider's backoff cap and a retry remains. 5xx, connection
 * errors and timeouts are retried after an exponential backoff with jitter, on another key when there is one, up
 * to {@code max_retries}. Any other status is the client's to see: no retry, no fallback. Stateless.
 */
final class RetryPolicy {
    private RetryPolicy() {
    }

    enum Action {
        /** Try the same provider again after {@link Decision#delayMs()}. */
        RETRY,
        /** This target has failed: the next fallback, if any. */
        NEXT_TARGET,
        /** Answer the client with this error. */
        ANSWER
    }

    /**
     * @param dropKey     leave the key that failed out of this request's later attempts
     * @param countsRetry the retry uses one of {@code max_retries} (a switch of key does not)
     */
    record Decision(Action action, long delayMs, boolean dropKey, boolean countsRetry) {
        static final Decision NEXT = new Decision(Action.NEXT_TARGET, 0, false, false);
        static final Decision ANSWER_CLIENT = new Decision(Action.ANSWER, 0, false, false);
    }

    /**
     * @param retryAfterSeconds the upstream's {@code Retry-After}, when it sent one in seconds
     * @param retriesDone       retries already counted against this target
     * @param anotherKey        the provider has a usable key besides the one that failed
     * @param random            a value in [0, 1) for the jitter
     */
    static Decision afterStatus(int status, OptionalLong retryAfterSeconds, int retriesDone,
                                ProviderRoute.Network network, boolean anotherKey, DoubleSupplier random) {
        if (status == 401 || status == 403) {
            return anotherKey ? new Decision(Action.RETRY, 0, true, false) : Decision.NEXT;
        }
        if (status == 429) {
            if (anotherKey) {
                return new Decision(Action.RETRY, 0, true, false);
            }
            if (retriesDone >= network.maxRetries()) {
                return Decision.NEXT;
            }
            long waitMs = retryAfterSeconds.isPresent() ? retryAfterSeconds.getAsLong() * 1000
                    : backoffMs(retriesDone, network, random);
            return waitMs <= network.retryBackoffMaxMs() ? new Decision(Action.RETRY, waitMs, false, true)
                    : Decision.NEXT;
        }
        if (status >= 500) {
            return afterFailure(retriesDone, network, random);
        }
        return Decision.ANSWER_CLIENT;
    }

    /** A connection error or a timeout before the first byte. */
    static Decision afterFailure(int retriesDone, ProviderRoute.Network network, DoubleSupplier random) {
        if (retriesDone >= network.maxRetries()) {
            return Decision.NEXT;
        }
        return new Decision(Action.RETRY, backoffMs(retriesDone, network, random), false, true);
    }

    /** initial × 2^retries, capped, times a jitter factor in [0.5, 1) so that callers do not retry in step. */
    static long backoffMs(int retriesDone, ProviderRoute.Network network, DoubleSupplier random) {
        double exponential = network.retryBackoffInitialMs() * Math.pow(2, Math.min(retriesDone, 30));
        double capped = Math.min(exponential, network.retryBackoffMaxMs());
        return (long) (capped * (0.5 + 0.5 * random.getAsDouble()));
    }
}
