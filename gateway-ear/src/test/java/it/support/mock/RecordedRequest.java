package it.support.mock;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One request the mock received, recorded before it was answered. Immutable except for what the mock learns
 * while answering ({@link #responseStatus()}, {@link #clientDisconnected()}), which other threads may read at
 * any time. Thread-safe.
 */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String apiKey;
    private final String deployment;
    private final Instant receivedAt;
    private final JsonObject json;
    private volatile int responseStatus;
    private final CountDownLatch disconnected = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    RecordedRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
            String apiKey, String deployment, Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.query = query == null ? "" : query;
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
        this.apiKey = apiKey;
        this.deployment = deployment;
        this.receivedAt = receivedAt;
        this.json = parseObject(body());
    }

    private static JsonObject parseObject(String text) {
        if (text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Jsonp.reader(text)) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException notJson) {
            return null;
        }
    }

    public String method() {
        return method;
    }

    /** The path without the query string, e.g. {@code /v1/chat/completions}. */
    public String path() {
        return path;
    }

    /** The raw query string without {@code ?}; empty when there was none. */
    public String query() {
        return query;
    }

    /** One query parameter's first value (not URL-decoded: the mock's callers send plain values). */
    public Optional<String> queryParam(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /** Request headers, first value of each, keys matched case-insensitively. Unmodifiable. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        return json != null;
    }

    /** The body as a JSON object; fails the calling test when the body was not one. */
    public JsonObject json() {
        if (json == null) {
            throw new IllegalStateException("the recorded body is not a JSON object: " + body());
        }
        return json;
    }

    /** The key from {@code Authorization: Bearer}, {@code x-api-key} or {@code api-key}, if any. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The Azure deployment named in the path ({@code /openai/deployments/{deployment}/...}), if any. */
    public Optional<String> deployment() {
        return Optional.ofNullable(deployment);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The status the mock answered with, 0 while it has not sent its response headers (or never did). */
    public int responseStatus() {
        return responseStatus;
    }

    /**
     * Whether the client went away while the mock was still writing its response (a stream, typically): the
     * mock notices it when a write fails, so with {@code chunk_delay_ms} within one or two events. A client
     * that leaves during a {@code stall_after} stall is not noticed (the JDK server cannot tell).
     */
    public boolean clientDisconnected() {
        return disconnected.getCount() == 0;
    }

    /** Waits until the mock has seen the client go away; false when it has not within {@code timeout}. */
    public boolean awaitClientDisconnected(Duration timeout) throws InterruptedException {
        return disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the mock is done with this request (answered, dropped or saw the client leave). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void markStatus(int status) {
        this.responseStatus = status;
    }

    void markClientDisconnected() {
        disconnected.countDown();
    }

    void markFinished() {
        finished.countDown();
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " key=" + apiKey + " status="
                + responseStatus + (clientDisconnected() ? " (client disconnected)" : "");
    }
}
