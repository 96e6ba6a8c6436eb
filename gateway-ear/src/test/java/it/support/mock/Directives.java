package it.support.mock;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a test scripted one request: {@code name=value} pairs from an API key of the form
 * {@code mock;name=value;...}, overridden by the body's top-level {@code "mock": {...}} object. An unknown
 * name or a bad value is an {@link IllegalArgumentException}, so a typo in a test fails loudly. {@code tag} is
 * ignored: it makes a scripted key unique to one test (for its {@code fail_times} counter and its records).
 * Immutable.
 */
final class Directives {
    static final String KEY_PREFIX = "mock;";
    private static final Set<String> NAMES = Set.of("status", "retry_after", "fail_times", "delay_ms",
            "stall_after", "stall_ms", "drop_after", "error_after", "chunk_delay_ms", "fixture", "echo", "tag");
    private static final long DEFAULT_STALL_MS = 60_000;

    enum Fixture { NONE, TOOL_CALL, LONG, EMPTY }

    /** 0 when no error status is scripted. */
    final int status;
    /** The Retry-After header value, null for none. */
    final String retryAfter;
    /** -1: the failure directives (status, delay_ms, stall_after, drop_after, error_after) apply to every request. */
    final int failTimes;
    final long delayMs;
    /** -1: no stall. */
    final int stallAfter;
    final long stallMs;
    /** -1: no drop. */
    final int dropAfter;
    /** -1: no error event inside the stream. */
    final int errorAfter;
    final long chunkDelayMs;
    final Fixture fixture;
    final boolean echo;

    private Directives(Map<String, String> values) {
        this((int) number(values, "status", 0), values.get("retry_after"), (int) number(values, "fail_times", -1),
                number(values, "delay_ms", 0), (int) number(values, "stall_after", -1),
                number(values, "stall_ms", DEFAULT_STALL_MS), (int) number(values, "drop_after", -1),
                (int) number(values, "error_after", -1), number(values, "chunk_delay_ms", 0),
                fixture(values.get("fixture")),
                bool(values.getOrDefault("echo", "false")));
        if (values.containsKey("status") && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("mock directive status must be 400-599, got " + status);
        }
    }

    private Directives(int status, String retryAfter, int failTimes, long delayMs, int stallAfter, long stallMs,
            int dropAfter, int errorAfter, long chunkDelayMs, Fixture fixture, boolean echo) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.failTimes = failTimes;
        this.delayMs = delayMs;
        this.stallAfter = stallAfter;
        this.stallMs = stallMs;
        this.dropAfter = dropAfter;
        this.errorAfter = errorAfter;
        this.chunkDelayMs = chunkDelayMs;
        this.fixture = fixture;
        this.echo = echo;
    }

    /** Directives of a request; {@code apiKey} and {@code body} may be null. */
    static Directives of(String apiKey, JsonObject body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (apiKey != null && apiKey.startsWith(KEY_PREFIX)) {
            for (String pair : apiKey.substring(KEY_PREFIX.length()).split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("mock directive without a value: " + pair);
                }
                put(values, pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        JsonValue fromBody = body == null ? null : body.get("mock");
        if (fromBody != null && fromBody.getValueType() != JsonValue.ValueType.NULL) {
            if (fromBody.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("the body field mock must be an object");
            }
            for (Map.Entry<String, JsonValue> entry : fromBody.asJsonObject().entrySet()) {
                JsonValue value = entry.getValue();
                put(values, entry.getKey(), value instanceof JsonString
                        ? ((JsonString) value).getString() : value.toString());
            }
        }
        return new Directives(values);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown mock directive: " + name + " (known: " + NAMES + ")");
        }
        values.put(name, value);
    }

    private static long number(Map<String, String> values, String name, long absent) {
        String text = values.get(name);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException("mock directive " + name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mock directive " + name + " is not a number: " + text, e);
        }
    }

    private static boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("mock directive echo must be true or false, got " + text);
        }
        return text.equals("true");
    }

    private static Fixture fixture(String name) {
        if (name == null) {
            return Fixture.NONE;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "tool_call":
                return Fixture.TOOL_CALL;
            case "long":
                return Fixture.LONG;
            case "empty":
                return Fixture.EMPTY;
            default:
                throw new IllegalArgumentException("unknown mock fixture: " + name
                        + " (known: tool_call, long, empty)");
        }
    }

    /**
     * These directives once {@code fail_times} is spent: no error status, delay, stall, drop or error event; the
     * content directives (fixture, echo, chunk_delay_ms) still apply.
     */
    Directives recovered() {
        return new Directives(0, null, failTimes, 0, -1, stallMs, -1, -1, chunkDelayMs, fixture, echo);
    }
}
