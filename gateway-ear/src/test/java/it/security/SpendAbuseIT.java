package it.security;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.scriptedKey;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.proxy.DataPlane;
import it.support.Gateway;
import it.support.Gateway.Reply;
import it.support.Metrics;
import it.support.mock.MockProvider;
import it.support.mock.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * Nobody spends for free, and hostile names cannot stall the gateway or reach its headers and logs (API.md §1,
 * §4): streams are charged though their clients did not ask for usage, a client that leaves is charged its
 * reservation, a model without a price is refused where a budget applies, and bodies with unsafe names, huge
 * output bounds or duplicate members are refused before anything is looked up or sent upstream. Every case checks
 * the status, what did or did not change (the mock's call log, budget usage) and that no secret is in the answer.
 */
class SpendAbuseIT {
    /** Output at $7,500 per million tokens: the mock's 4-word answer to "Say hello" costs $0.03. */
    private static final double OUTPUT_PER_MILLION = 7_500;
    private static final double CALL_COST = 0.03;
    /** What a call with max_tokens 10 reserves at that price (input is free): 10 × $0.0075. */
    private static final double RESERVATION_OF_TEN_TOKENS = 0.075;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void chatStream_fiveWithoutIncludeUsageAgainstRoomForOneAndABit_thirdOnwardRefusedAndNoUsageChunkSeen() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        JsonObject vk = virtualKeyWithBudget(0.05);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = send(vk.getString("value"), "/v1/chat/completions",
                    chat(provider + "/gpt-4o").add("stream", true).build().toString(), Map.of());
            statuses.add(response.statusCode());
            assertNoSecret(response.body(), key);
            if (response.statusCode() == 200) {
                assertFalse(response.body().contains("\"usage\""), "no usage the client did not ask for: "
                        + response.body());
                assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
            } else {
                assertEquals("budget_exceeded", error(response.body()).getString("type"));
            }
        }

        assertEquals(List.of(200, 200, 402, 402, 402), statuses);
        List<RecordedRequest> received = MOCK.requestsWithKey(key);
        assertEquals(2, received.size(), "refused streams never reach the provider");
        for (RecordedRequest request : received) {
            assertTrue(request.json().getJsonObject("stream_options").getBoolean("include_usage"),
                    "the gateway asked for usage: " + request.body());
        }
        assertEquals(2 * CALL_COST, awaitUsage(vk.getString("id"), u -> u >= 2 * CALL_COST), 1e-9);
    }

    @Test
    void chatStream_clientAskedForUsage_getsTheUsageChunkAndIsCharged() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        JsonObject vk = virtualKeyWithBudget(1);

        HttpResponse<String> response = send(vk.getString("value"), "/v1/chat/completions",
                chat(provider + "/gpt-4o").add("stream", true)
                        .add("stream_options", object().add("include_usage", true)).build().toString(), Map.of());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":4"),
                response.body());
        assertEquals(CALL_COST, awaitUsage(vk.getString("id"), u -> u > 0), 1e-9);
    }

    @Test
    void chatStream_clientDisconnectsMidStream_chargedItsReservationAndTheRequestLogShowsIt() throws Exception {
        String key = scriptedKey("fixture=long;chunk_delay_ms=50");
        String provider = pricedProvider(key, "gpt-4o");
        JsonObject vk = virtualKeyWithBudget(100);
        String requestId = unique("spend-disconnect");
        HttpRequest request = request("/v1/chat/completions", vk.getString("value"),
                chat(provider + "/gpt-4o").add("stream", true).add("max_tokens", 10).build().toString(),
                Map.of("x-request-id", requestId));

        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream body = response.body()) {
            assertTrue(body.read(new byte[64]) > 0, "the stream started");
        }

        RecordedRequest upstream = MOCK.requestsWithKey(key).get(0);
        assertTrue(upstream.awaitClientDisconnected(Duration.ofSeconds(20)), "the gateway cancelled the upstream");
        assertEquals(RESERVATION_OF_TEN_TOKENS, awaitUsage(vk.getString("id"), u -> u > 0), 1e-9,
                "charged what it reserved, not nothing");
        JsonObject logged = awaitLog(requestId);
        assertEquals(RESERVATION_OF_TEN_TOKENS, logged.getJsonNumber("cost").doubleValue(), 1e-9, logged.toString());
    }

    @Test
    void chatStream_upstreamErrorEventInA200Stream_reachesTheClientCleanedAndTheReservationIsCharged() {
        String key = scriptedKey("error_after=2");
        String provider = pricedProvider(key, "gpt-4o");
        JsonObject vk = virtualKeyWithBudget(100);

        HttpResponse<String> response = send(vk.getString("value"), "/v1/chat/completions",
                chat(provider + "/gpt-4o").add("stream", true).add("max_tokens", 10).build().toString(), Map.of());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("reported an error"), response.body());
        assertTrue(response.body().contains("[redacted]"), response.body());
        assertNoSecret(response.body(), key);
        assertFalse(response.body().contains("[DONE]"), "a broken stream does not end cleanly");
        assertEquals(RESERVATION_OF_TEN_TOKENS, awaitUsage(vk.getString("id"), u -> u > 0), 1e-9);
    }

    @Test
    void messagesStream_anthropicClientOnAnOpenAiProvider_upstreamAskedForUsageAndCharged() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        JsonObject vk = virtualKeyWithBudget(1);

        HttpResponse<String> response = send(vk.getString("value"), "/anthropic/v1/messages",
                chat(provider + "/gpt-4o").add("max_tokens", 100).add("stream", true).build().toString(), Map.of());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("event: message_stop"), response.body());
        assertTrue(MOCK.requestsWithKey(key).get(0).json().getJsonObject("stream_options")
                .getBoolean("include_usage"));
        assertEquals(CALL_COST, awaitUsage(vk.getString("id"), u -> u > 0), 1e-9);
    }

    @Test
    void chat_unpricedModelWithABudget_403ModelNotPricedWithoutUpstreamCallUnlessUnpricedModelsIsFree() {
        String key = scriptedKey("");
        String provider = DataPlane.provider("openai", key);
        String model = unique("unpriced");
        JsonObject vk = virtualKeyWithBudget(10);

        HttpResponse<String> refused = send(vk.getString("value"), "/v1/chat/completions",
                chat(provider + "/" + model).build().toString(), Map.of());

        assertEquals(403, refused.statusCode());
        JsonObject error = error(refused.body());
        assertEquals("model_not_priced", error.getString("type"));
        assertEquals("no price for model '" + model + "' at provider '" + provider + "': add one to /api/pricing",
                error.getString("message"));
        assertTrue(MOCK.requestsWithKey(key).isEmpty(), "refused before any upstream call");
        assertNoSecret(refused.body(), key);

        String noBudget = DataPlane.virtualKey();
        assertEquals(200, send(noBudget, "/v1/chat/completions", chat(provider + "/" + model).build().toString(),
                Map.of()).statusCode(), "no budget on the path: served at no cost");

        JsonObject original = admin("GET", "/api/config").json();
        try {
            Reply free = admin("PUT", "/api/config", object().add("unpriced_models", "free").build());
            assertEquals(200, free.status(), free.toString());

            HttpResponse<String> served = send(vk.getString("value"), "/v1/chat/completions",
                    chat(provider + "/" + model).build().toString(), Map.of());

            assertEquals(200, served.statusCode(), served.body());
            assertEquals(2, MOCK.requestsWithKey(key).size());
            assertTrue(Metrics.awaitSeries("iris_unpriced_calls_total", Map.of("provider", provider,
                    "model", model)), "counted as unpriced");
        } finally {
            Reply restored = admin("PUT", "/api/config", original);
            assertEquals(200, restored.status(), restored.toString());
        }
        pause(1_500); // past a flush of the usage counters
        assertEquals(0, usage(vk.getString("id")), 1e-9, "served at no cost");
    }

    @Test
    void chat_unpricedFirstTargetWithAPricedFallback_servedByTheFallbackLikeAGovernanceBlock() {
        String unpricedKey = scriptedKey("");
        String unpriced = DataPlane.provider("openai", unpricedKey);
        String pricedKey = scriptedKey("");
        String priced = pricedProvider(pricedKey, "gpt-4o");
        JsonObject vk = virtualKeyWithBudget(10);

        HttpResponse<String> response = send(vk.getString("value"), "/v1/chat/completions",
                chat(unpriced + "/" + unique("unpriced")).add("fallbacks", Json.createArrayBuilder()
                        .add(priced + "/gpt-4o")).build().toString(), Map.of());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(priced, response.headers().firstValue("x-iris-provider").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-iris-fallback-index").orElseThrow());
        assertTrue(MOCK.requestsWithKey(unpricedKey).isEmpty(), "the unpriced target was never called");
        assertEquals(1, MOCK.requestsWithKey(pricedKey).size());
        assertEquals(CALL_COST, awaitUsage(vk.getString("id"), u -> u > 0), 1e-9);
    }

    @Test
    void chat_outputBoundAboveAMillion_400NamingTheFieldWithoutUpstreamCall() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        String vk = DataPlane.virtualKey();

        HttpResponse<String> maxTokens = send(vk, "/v1/chat/completions",
                chat(provider + "/gpt-4o").add("max_tokens", 1_000_001).build().toString(), Map.of());
        HttpResponse<String> maxCompletion = send(vk, "/v1/chat/completions",
                chat(provider + "/gpt-4o").add("max_completion_tokens", 1_000_001).build().toString(), Map.of());
        HttpResponse<String> messages = send(vk, "/anthropic/v1/messages",
                chat(provider + "/gpt-4o").add("max_tokens", 1_000_001).build().toString(), Map.of());
        HttpResponse<String> oneMillion = send(vk, "/v1/chat/completions",
                chat(provider + "/gpt-4o").add("max_tokens", 1_000_000).build().toString(), Map.of());

        assertEquals(400, maxTokens.statusCode());
        assertEquals("invalid_request_error", error(maxTokens.body()).getString("type"));
        assertEquals("max_tokens", error(maxTokens.body()).getString("param"));
        assertEquals(400, maxCompletion.statusCode());
        assertEquals("max_completion_tokens", error(maxCompletion.body()).getString("param"));
        assertEquals(400, messages.statusCode());
        assertEquals("invalid_request_error", error(messages.body()).getString("type"), "Anthropic error shape");
        assertEquals(200, oneMillion.statusCode(), oneMillion.body());
        assertEquals(1, MOCK.requestsWithKey(key).size(), "only the request within the bound went upstream");
        List.of(maxTokens, maxCompletion, messages).forEach(r -> assertNoSecret(r.body(), key));
    }

    @Test
    void chat_duplicateStreamMember_400WithoutUpstreamCallAtBothDoors() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        String vk = DataPlane.virtualKey();
        String duplicated = "{\"model\":\"" + provider + "/gpt-4o\",\"stream\":false,\"max_tokens\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"stream\":true}";

        HttpResponse<String> chat = send(vk, "/v1/chat/completions", duplicated, Map.of());
        HttpResponse<String> messages = send(vk, "/anthropic/v1/messages", duplicated, Map.of());

        assertEquals(400, chat.statusCode());
        assertEquals("invalid_request_error", error(chat.body()).getString("type"));
        assertEquals("duplicate member 'stream'", error(chat.body()).getString("message"));
        assertEquals(400, messages.statusCode());
        assertTrue(messages.body().contains("duplicate member 'stream'"), messages.body());
        assertTrue(MOCK.requestsWithKey(key).isEmpty());
        assertNoSecret(chat.body(), key);
    }

    @Test
    void chat_oneMegabyteModelName_400QuicklyAndTheNextRequestIsServed() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        String vk = DataPlane.virtualKey();
        String huge = provider + "/" + "a-".repeat(512 * 1024);

        HttpResponse<String> refused = send(vk, "/v1/chat/completions", chat(huge).build().toString(), Map.of());
        HttpResponse<String> next = send(vk, "/v1/chat/completions", chat(provider + "/gpt-4o").build().toString(),
                Map.of());

        assertEquals(400, refused.statusCode());
        assertEquals("model", error(refused.body()).getString("param"));
        assertTrue(refused.body().length() < 1_000, "the name is not echoed");
        assertEquals(200, next.statusCode(), next.body());
        assertEquals(1, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_modelWithLineBreak_400AndTheNameNeitherInHeadersNorInMessagesLog() throws Exception {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        String vk = DataPlane.virtualKey();
        String marker = "x-evil-" + UUID.randomUUID();
        String requestId = unique("spend-crlf");

        HttpResponse<String> model = send(vk, "/v1/chat/completions",
                chat(provider + "/gpt-4o\r\n" + marker + ": 1").build().toString(), Map.of("x-request-id", requestId));
        HttpResponse<String> fallback = send(vk, "/v1/chat/completions", chat(provider + "/gpt-4o")
                .add("fallbacks", Json.createArrayBuilder().add(provider + "/x\n" + marker)).build().toString(),
                Map.of());

        assertEquals(400, model.statusCode());
        assertEquals("model", error(model.body()).getString("param"));
        assertEquals(400, fallback.statusCode());
        assertEquals("fallbacks", error(fallback.body()).getString("param"));
        for (HttpResponse<String> response : List.of(model, fallback)) {
            assertFalse(response.body().contains(marker), response.body());
            response.headers().map().forEach((name, values) -> {
                assertFalse(name.contains(marker), name);
                values.forEach(value -> assertFalse(value.contains(marker), name + ": " + value));
            });
        }
        assertTrue(MOCK.requestsWithKey(key).isEmpty());
        awaitLog(requestId); // the request's log line is written by now
        String log = Files.readString(Gateway.SERVER_DIR.resolve("logs/messages.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains(marker), "the rejected name reached messages.log");
    }

    @Test
    void chat_unsafeRequestIds_replacedByNewOnesAndASafeOneKept() {
        String key = scriptedKey("");
        String provider = pricedProvider(key, "gpt-4o");
        String vk = DataPlane.virtualKey();
        String body = chat(provider + "/gpt-4o").build().toString();
        String safe = "req-" + UUID.randomUUID();

        for (String unsafe : List.of("has a space", "tab\tinside", "x".repeat(129))) {
            HttpResponse<String> response = send(vk, "/v1/chat/completions", body, Map.of("x-request-id", unsafe));

            assertEquals(200, response.statusCode());
            assertNewId(unsafe, response.headers().firstValue("x-request-id").orElseThrow());
        }
        // The JDK client cannot send other bytes than ASCII in a header: a raw request sends UTF-8 as it is.
        String nonAscii = "caf\u00e9-" + UUID.randomUUID();
        assertNewId(nonAscii, rawRequestId(vk, body, nonAscii));
        HttpResponse<String> kept = send(vk, "/v1/chat/completions", body, Map.of("x-request-id", safe));
        assertEquals(safe, kept.headers().firstValue("x-request-id").orElseThrow());
        assertEquals(5, MOCK.requestsWithKey(key).size(), "every request was served");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void assertNewId(String sent, String given) {
        assertNotEquals(sent, given);
        assertEquals(36, given.length(), "a new id: " + given);
        assertEquals(7, UUID.fromString(given).version(), "a new id: " + given);
    }

    /** A chat request over a raw socket with {@code x-request-id: requestId} in UTF-8; the id answered. */
    private static String rawRequestId(String virtualKey, String body, String requestId) {
        URI base = URI.create(Gateway.BASE_URL);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        head.writeBytes(("POST /v1/chat/completions HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer " + virtualKey + "\r\nContent-Length: "
                + content.length + "\r\nx-request-id: ").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(requestId.getBytes(StandardCharsets.UTF_8));
        head.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.toByteArray());
            socket.getOutputStream().write(content);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            return response.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("x-request-id:"))
                    .map(line -> line.substring("x-request-id:".length()).strip()).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An OpenAI-type provider on the mock with {@code model} priced at $0 input and $7,500/M output. */
    private static String pricedProvider(String key, String model) {
        String name = DataPlane.provider("openai", key);
        Reply priced = admin("POST", "/api/pricing", object().add("provider", name).add("model", model)
                .add("input_per_million", 0).add("output_per_million", OUTPUT_PER_MILLION).build());
        assertEquals(201, priced.status(), priced.toString());
        return name;
    }

    /** A virtual key allowed every provider, with a daily budget of {@code usd}: its id and value. */
    private static JsonObject virtualKeyWithBudget(double usd) {
        Reply created = admin("POST", "/api/virtual-keys", object().add("name", unique("spend-vk"))
                .add("budgets", array(object().add("max_limit", usd).add("reset_duration", "1d"))).build());
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private static JsonObjectBuilder chat(String model) {
        return object().add("model", model)
                .add("messages", Json.createArrayBuilder()
                        .add(object().add("role", "user").add("content", "Say hello")));
    }

    private static double usage(String virtualKeyId) {
        return admin("GET", "/api/virtual-keys/" + virtualKeyId).json().getJsonArray("budgets").getJsonObject(0)
                .getJsonNumber("current_usage").doubleValue();
    }

    /** The key's budget usage once {@code until} holds (usage is flushed every second), or after 10 s. */
    private static double awaitUsage(String virtualKeyId, DoublePredicate until) {
        double usage = usage(virtualKeyId);
        for (int i = 0; i < 100 && !until.test(usage); i++) {
            pause(100);
            usage = usage(virtualKeyId);
        }
        return usage;
    }

    /** The request log record of {@code requestId}, waiting (up to 10 s) for it to be written. */
    private static JsonObject awaitLog(String requestId) {
        Reply found = admin("GET", "/api/logs/" + requestId);
        for (int i = 0; i < 100 && found.status() != 200; i++) {
            pause(100);
            found = admin("GET", "/api/logs/" + requestId);
        }
        assertEquals(200, found.status(), found.toString());
        return found.json();
    }

    private static HttpRequest request(String path, String virtualKey, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + virtualKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request.build();
    }

    private static HttpResponse<String> send(String virtualKey, String path, String body,
                                             Map<String, String> headers) {
        try {
            return HTTP.send(request(path, virtualKey, body, headers),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The error object of an OpenAI-shaped or Anthropic-shaped error body. */
    private static JsonObject error(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonObject("error");
        }
    }

    private static void assertNoSecret(String answer, String providerKey) {
        assertFalse(answer.contains(providerKey), "the provider key is in the answer: " + answer);
        assertFalse(answer.contains(MockProvider.LEAKED_SECRET), "a secret is in the answer: " + answer);
        assertFalse(answer.contains("mockLeakedSecret"), answer);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
