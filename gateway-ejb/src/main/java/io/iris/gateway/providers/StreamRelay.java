package io.iris.gateway.providers;

import java.util.Optional;

/**
 * Carries one upstream event stream to the client, chunk by chunk, in the client's wire format, noting usage
 * as it passes. One instance per response; called from one thread at a time, in order.
 */
public interface StreamRelay {
    /** The bytes to send the client for this upstream chunk (possibly empty, never null). */
    byte[] onBytes(byte[] chunk);

    /** The bytes that close the stream when the upstream finished cleanly. */
    byte[] onEnd();

    /**
     * The bytes that end the stream when the upstream failed after the client got its first byte: an error
     * event in the client's format, never a clean end.
     */
    byte[] onFailure(String message);

    /**
     * The usage the upstream reported for the whole call, once it has (OpenAI's usage chunk, Anthropic's
     * {@code message_delta}); empty before, and when the stream ended without it. Partial counts seen on the way
     * are not usage: a call without it is charged its reservation.
     */
    Optional<Usage> usage();
}
