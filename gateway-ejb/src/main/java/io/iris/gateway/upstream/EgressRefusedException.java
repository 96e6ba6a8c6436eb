package io.iris.gateway.upstream;

import java.net.UnknownHostException;

/**
 * The egress policy refused a provider's host or one of its addresses. A kind of {@link UnknownHostException}
 * so that the call fails as for a host that cannot be reached (retries and fallbacks behave the same); its
 * message says no more than that, the details go to the log.
 */
public final class EgressRefusedException extends UnknownHostException {
    public static final String MESSAGE = "the provider's address is not allowed";

    public EgressRefusedException() {
        super(MESSAGE);
    }
}
