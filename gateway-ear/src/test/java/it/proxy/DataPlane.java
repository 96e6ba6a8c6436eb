package it.proxy;

import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Gateway;
import it.support.Gateway.Reply;
import it.support.mock.MockProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Fixtures of the data-plane tests: providers on the shared mock, virtual keys, and calls with headers. */
public final class DataPlane {
    public static final MockProvider MOCK = MockProvider.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DataPlane() {
    }

    /** A unique provider key that scripts the mock with {@code directives} ("" for normal answers). */
    public static String scriptedKey(String directives) {
        return "mock;tag=" + unique("k") + (directives.isEmpty() ? "" : ";" + directives);
    }

    /** Creates a provider of {@code type} on the mock, serving gpt-4o and claude-3-5-haiku; returns its name. */
    public static String provider(String type, String keyValue) {
        String name = unique(type);
        JsonObjectBuilder body = object().add("name", name).add("type", type)
                .add("models", strings("gpt-4o", "claude-3-5-haiku"))
                .add("network", object().add("max_retries", 0).add("request_timeout_ms", 3000)
                        .add("stream_idle_timeout_ms", 3000).add("connect_timeout_ms", 1000))
                .add("keys", array(object().add("name", "primary").add("value", keyValue)));
        switch (type) {
            case "azure" -> body.add("base_url", MOCK.azureBaseUrl()).add("api_version", "2024-10-21");
            case "anthropic" -> body.add("base_url", MOCK.anthropicBaseUrl());
            default -> body.add("base_url", MOCK.openAiBaseUrl());
        }
        Reply created = admin("POST", "/api/providers", body.build());
        assertEquals(201, created.status(), created.toString());
        return name;
    }

    /**
     * An OpenAI-type provider on the mock priced at $1 a token for gpt-4o (so "Say hello", 2 prompt and 4 completion
     * tokens, costs $6); returns its name.
     */
    public static String pricedProvider(String keyValue) {
        String name = provider("openai", keyValue);
        Reply priced = admin("POST", "/api/pricing", object().add("provider", name).add("model", "gpt-4o")
                .add("input_per_million", 1_000_000).add("output_per_million", 1_000_000).build());
        assertEquals(201, priced.status(), priced.toString());
        return name;
    }

    /** A virtual key that may use every provider; returns its value. */
    public static String virtualKey() {
        return virtualKey(object().add("name", unique("vk")).build());
    }

    public static String virtualKey(JsonObject body) {
        Reply created = admin("POST", "/api/virtual-keys", body);
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("value");
    }

    /** A POST to the data plane with the virtual key as a bearer token. */
    public static Reply post(String path, String virtualKey, JsonObject body) {
        return post(path, body.toString(), Map.of("Authorization", "Bearer " + virtualKey));
    }

    public static Reply post(String path, String body, Map<String, String> headers) {
        HttpResponse<String> response = call("POST", path, body, headers);
        return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.body(), null);
    }

    /**
     * The whole response, headers included. Sent from an address of its own ({@link Gateway#freshClientAddress()})
     * unless {@code headers} names one in X-Forwarded-For.
     */
    public static HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.keySet().stream().noneMatch(Gateway.FORWARDED_FOR::equalsIgnoreCase)) {
            request.header(Gateway.FORWARDED_FOR, Gateway.freshClientAddress());
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject chat(String model) {
        return object().add("model", model)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();
    }
}
