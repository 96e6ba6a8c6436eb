package io.iris.gateway.governance.accounting;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;

/** A budget or rate-limit refusal (402 or 429), with the seconds until the limit's window ends (Retry-After). */
public final class LimitExceededException extends GatewayException {
    private final long retryAfterSeconds;

    LimitExceededException(ErrorType type, String message, long retryAfterSeconds) {
        super(type, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
