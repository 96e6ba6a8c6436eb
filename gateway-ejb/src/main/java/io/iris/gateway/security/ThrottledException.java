package io.iris.gateway.security;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;

/**
 * A data-plane request refused because its client address failed authentication too often (429
 * {@code request_limited}), with the seconds until the address's window ends (Retry-After).
 */
public final class ThrottledException extends GatewayException {
    private final long retryAfterSeconds;

    public ThrottledException(long retryAfterSeconds) {
        super(ErrorType.REQUEST_LIMITED, "too many failed authentications from this address: retry after "
                + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
