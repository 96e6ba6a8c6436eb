package it.support.mock;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers one recorded request, in this order: directives (a bad one is a 400), the {@code fail_times} gate,
 * {@code delay_ms}, {@code drop_after=0}, the vendor's header checks, a scripted {@code status}, the body
 * checks, and finally the endpoint's answer. Confined to the handler thread.
 */
final class Responder {
    private final MockExchange exchange;
    private final Route route;
    private final Map<String, AtomicInteger> failuresByKey;
    private final RecordedRequest record;

    Responder(MockExchange exchange, Route route, Map<String, AtomicInteger> failuresByKey) {
        this.exchange = exchange;
        this.route = route;
        this.failuresByKey = failuresByKey;
        this.record = exchange.record();
    }

    void respond() throws IOException {
        if (route.kind == Route.Kind.NOT_FOUND || route.kind == Route.Kind.METHOD_NOT_ALLOWED) {
            boolean missing = route.kind == Route.Kind.NOT_FOUND;
            exchange.error(missing ? 404 : 405, missing ? "not_found_error" : "invalid_request_error",
                    "mock: no endpoint " + record.method() + " " + record.path(), null);
            return;
        }
        JsonObject body = record.isJson() ? record.json() : null;
        String apiKey = record.apiKey().orElse(null);
        Directives directives;
        try {
            directives = Directives.of(apiKey, body);
        } catch (IllegalArgumentException bad) {
            exchange.error(400, "mock_directive_error", bad.getMessage(), null);
            return;
        }
        if (directives.failTimes >= 0) {
            int seen = failuresByKey.computeIfAbsent(apiKey == null ? "" : apiKey, k -> new AtomicInteger())
                    .incrementAndGet();
            if (seen > directives.failTimes) {
                directives = directives.recovered();
            }
        }
        exchange.directives(directives);
        if (directives.delayMs > 0) {
            SseStream.pause(directives.delayMs);
        }
        if (directives.dropAfter == 0) {
            throw MockExchange.drop("mock: drop_after=0");
        }
        if (!headersAccepted()) {
            return;
        }
        if (directives.status != 0) {
            exchange.scripted(directives.status, directives.retryAfter);
            return;
        }
        try {
            answer(body);
        } catch (ClassCastException | NullPointerException wrongType) {
            if (record.responseStatus() != 0) {
                throw MockExchange.drop("mock: malformed request after the response started");
            }
            exchange.invalid("mock: a field has the wrong type: " + wrongType.getMessage());
        }
    }

    /** The vendor's own header checks; false when they failed and the error was sent. */
    private boolean headersAccepted() throws IOException {
        if (route.azure() && record.queryParam("api-version").filter(v -> !v.isEmpty()).isEmpty()) {
            exchange.invalid("missing required query parameter: api-version");
            return false;
        }
        if (Route.key(route.keyHeader(), record.header(route.keyHeader()).orElse(null)) == null) {
            boolean anthropic = route.flavor == MockExchange.Flavor.ANTHROPIC;
            String message = anthropic ? "x-api-key header is required"
                    : route.azure() ? "mock: missing api-key header" : "mock: missing API key (Authorization: Bearer)";
            exchange.error(401, anthropic ? "authentication_error" : "invalid_request_error", message, null);
            return false;
        }
        if (route.kind == Route.Kind.MESSAGES && record.header("anthropic-version").isEmpty()) {
            exchange.invalid("anthropic-version: header is required");
            return false;
        }
        return true;
    }

    private void answer(JsonObject body) throws IOException {
        if (route.kind == Route.Kind.MODELS) {
            EmbeddingWire.models(exchange);
            return;
        }
        if (route.kind == Route.Kind.MODEL) {
            EmbeddingWire.model(exchange, route.modelId);
            return;
        }
        if (body == null) {
            exchange.invalid("mock: the body is not a JSON object");
            return;
        }
        if (route.kind == Route.Kind.MESSAGES) {
            AnthropicWire.messages(exchange, body, record.body());
            return;
        }
        String model = body.getString("model", "");
        if (model.isEmpty() && route.azure()) {
            model = route.deployment;
        }
        if (model.isEmpty()) {
            exchange.invalid("you must provide a model parameter");
            return;
        }
        switch (route.kind) {
            case CHAT:
                OpenAiWire.chat(exchange, body, model, record.body());
                break;
            case COMPLETIONS:
                OpenAiWire.completions(exchange, body, model, record.body());
                break;
            default:
                EmbeddingWire.embeddings(exchange, body, model);
                break;
        }
    }
}
