package it.support.mock;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * One request being answered: the HTTP exchange, its record, its directives and the vendor flavour that
 * decides the shape of errors. Confined to the handler thread that serves the request.
 */
final class MockExchange {
    enum Flavor { OPENAI, ANTHROPIC }

    private final HttpExchange http;
    private final RecordedRequest record;
    private final Flavor flavor;
    private final CountDownLatch closing;
    private Directives directives;

    MockExchange(HttpExchange http, RecordedRequest record, Flavor flavor, CountDownLatch closing) {
        this.http = http;
        this.record = record;
        this.flavor = flavor;
        this.closing = closing;
    }

    RecordedRequest record() {
        return record;
    }

    Directives directives() {
        return directives;
    }

    void directives(Directives directives) {
        this.directives = directives;
    }

    /** Sends a complete JSON response with vendor-like request id headers. */
    void json(int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        requestIdHeader();
        record.markStatus(status);
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        } catch (IOException gone) {
            record.markClientDisconnected();
            throw gone;
        }
    }

    /** An error in the flavour's wire shape; {@code retryAfter} (may be null) becomes a Retry-After header. */
    void error(int status, String type, String message, String retryAfter) throws IOException {
        if (retryAfter != null) {
            http.getResponseHeaders().set("Retry-After", retryAfter);
        }
        if (flavor == Flavor.ANTHROPIC) {
            json(status, Jsonp.object().add("type", "error")
                    .add("error", Jsonp.object().add("type", type).add("message", message))
                    .build());
        } else {
            json(status, Jsonp.object()
                    .add("error", Jsonp.object().add("message", message).add("type", type)
                            .add("code", openAiCode(status, type)).add("param", JsonValue.NULL))
                    .build());
        }
    }

    /** The error a {@code status} directive asked for, typed the way the vendor types that status. */
    void scripted(int status, String retryAfter) throws IOException {
        error(status, errorType(status), "mock: scripted status " + status, retryAfter);
    }

    private String errorType(int status) {
        if (flavor == Flavor.ANTHROPIC) {
            switch (status) {
                case 401: return "authentication_error";
                case 403: return "permission_error";
                case 404: return "not_found_error";
                case 413: return "request_too_large";
                case 429: return "rate_limit_error";
                case 529: return "overloaded_error";
                default: return status >= 500 ? "api_error" : "invalid_request_error";
            }
        }
        switch (status) {
            case 403: return "permission_error";
            case 429: return "requests";
            default: return status >= 500 ? "server_error" : "invalid_request_error";
        }
    }

    /** A 400 for a request the real vendor would reject. */
    void invalid(String message) throws IOException {
        error(400, "invalid_request_error", message, null);
    }

    /** Sends 200 with event-stream headers and returns the stream to write events to. */
    SseStream stream() throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-cache");
        requestIdHeader();
        record.markStatus(200);
        http.sendResponseHeaders(200, 0);
        return new SseStream(http.getResponseBody(), record, directives, closing, flavor);
    }

    /** Ends the connection without an HTTP response: the server closes the socket when the handler throws. */
    static IOException drop(String why) {
        return new SseStream.ConnectionDropped(why);
    }

    private void requestIdHeader() {
        String id = "req_" + UUID.randomUUID().toString().replace("-", "");
        http.getResponseHeaders().set(flavor == Flavor.ANTHROPIC ? "request-id" : "x-request-id", id);
    }

    private static JsonValue openAiCode(int status, String type) {
        switch (status) {
            case 401:
                return Jsonp.value("invalid_api_key");
            case 404:
                return Jsonp.value("not_found");
            case 429:
                return Jsonp.value("rate_limit_exceeded");
            default:
                return status >= 500 ? Jsonp.value("server_error") : Jsonp.value(type);
        }
    }
}
