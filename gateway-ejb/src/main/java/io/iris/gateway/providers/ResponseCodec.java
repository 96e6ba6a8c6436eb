package io.iris.gateway.providers;

import java.util.Optional;

/**
 * Turns an upstream's answers into what the client expects: the same bytes when both speak one wire format,
 * a translation otherwise. Stateless and thread-safe; {@link #stream()} makes a stateful relay per response.
 */
public interface ResponseCodec {
    /** The client body for a successful upstream body. */
    byte[] body(byte[] upstreamBody);

    /** Usage reported in a successful upstream body; empty when it has none (then the reservation is charged). */
    Optional<Usage> usage(byte[] upstreamBody);

    StreamRelay stream();
}
