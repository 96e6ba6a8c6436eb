package io.iris.gateway.providers.sse;

import java.util.Objects;

/**
 * One server-sent event: its {@code event:} name, or null when the event named none (the SSE default
 * type "message"), and its {@code data:} lines joined with {@code \n}, never null. Immutable and
 * thread-safe.
 */
public record SseEvent(String event, String data) {

    /**
     * @throws NullPointerException when {@code data} is null
     */
    public SseEvent {
        Objects.requireNonNull(data, "data");
    }
}
