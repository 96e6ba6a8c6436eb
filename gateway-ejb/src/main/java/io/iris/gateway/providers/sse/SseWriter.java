package io.iris.gateway.providers.sse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encodes server-sent events as UTF-8 bytes. Stateless and thread-safe. A payload that holds line ends
 * is written as several {@code data:} lines, so that a parser joins it back unchanged.
 */
public final class SseWriter {

    /**
     * {@code data: [DONE]\n\n}, the OpenAI end-of-stream marker. Shared: callers must not modify it.
     */
    public static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private SseWriter() {
    }

    /**
     * @param json the payload, not null
     * @return {@code data: <json>\n\n}
     */
    public static byte[] data(String json) {
        Objects.requireNonNull(json, "json");
        StringBuilder out = new StringBuilder(json.length() + 8);
        appendData(out, json);
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param name the event name, not null and without line ends
     * @param json the payload, not null
     * @return {@code event: <name>\ndata: <json>\n\n}
     * @throws IllegalArgumentException when the name holds a line end
     */
    public static byte[] event(String name, String json) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event name cannot hold a line end");
        }
        StringBuilder out = new StringBuilder(json.length() + name.length() + 16);
        out.append("event: ").append(name).append('\n');
        appendData(out, json);
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code event} (not null) with its name, or as plain data when it has none. */
    public static byte[] write(SseEvent event) {
        return event.event() == null ? data(event.data()) : event(event.event(), event.data());
    }

    private static void appendData(StringBuilder out, String payload) {
        for (String line : payload.split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
    }
}
