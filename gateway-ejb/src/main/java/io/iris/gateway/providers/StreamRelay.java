package io.iris.gateway.providers;

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

    /** Usage seen so far; {@link Usage#NONE} when the upstream sent none. */
    Usage usage();
}
