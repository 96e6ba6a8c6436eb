package it.observability;

import static it.proxy.DataPlane.call;
import static it.proxy.DataPlane.pricedProvider;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import it.support.Gateway;
import it.support.Gateway.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The request log (API.md §5) on real proxied requests: what a record holds for served, streamed, failed-over and
 * routed requests, filters and cursor paging, statistics, bad parameters, and a burst in which every request is
 * either stored or counted as dropped, with no secret in the records or the server log. Records are written
 * asynchronously, so tests poll for them with a bounded wait. Every request carries its own x-request-id.
 */
class RequestLogIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A virtual key made for one test. */
    record Caller(String id, String value, String name) {
        static Caller create() {
            String name = unique("log-vk");
            Reply created = admin("POST", "/api/virtual-keys", object().add("name", name).build());
            assertEquals(201, created.status(), created.toString());
            return new Caller(created.json().getString("id"), created.json().getString("value"), name);
        }

        /** A chat request with its own request id, which it returns. */
        String chat(String model, JsonObjectBuilder extra, Map<String, String> headers) {
            String requestId = unique("log-req");
            JsonObjectBuilder body = object().add("model", model)
                    .add("messages", array(object().add("role", "user").add("content", "Say hello")));
            extra.build().forEach(body::add);
            Map<String, String> all = new HashMap<>(headers);
            all.put("Authorization", "Bearer " + value);
            all.put("x-request-id", requestId);
            HttpResponse<String> response = call("POST", "/v1/chat/completions", body.build().toString(), all);
            assertEquals(requestId, response.headers().firstValue("x-request-id").orElse(null));
            return requestId;
        }

        String chat(String model) {
            return chat(model, object(), Map.of());
        }
    }

    @Test
    void get_chatServedByAPricedProvider_targetTokensCostAndItsAttempt() {
        String provider = pricedProvider(scriptedKey(""));
        Caller caller = Caller.create();

        JsonObject record = awaitRecord(caller.chat(provider + "/gpt-4o"));

        assertEquals("chat", record.getString("endpoint"));
        assertFalse(record.getBoolean("stream"));
        assertEquals(caller.id(), record.getString("virtual_key_id"));
        assertEquals(caller.name(), record.getString("virtual_key_name"));
        assertEquals(JsonValue.NULL, record.get("team_id"));
        assertEquals(provider + "/gpt-4o", record.getString("requested_model"));
        assertEquals(provider, record.getString("provider"));
        assertEquals("gpt-4o", record.getString("model"));
        assertEquals(200, record.getInt("status"));
        assertEquals(0, record.getInt("fallback_index"));
        assertEquals(JsonValue.NULL, record.get("error_type"));
        assertEquals(2, record.getInt("prompt_tokens"));
        assertEquals(4, record.getInt("completion_tokens"));
        assertEquals(6, record.getInt("total_tokens"));
        assertEquals(6.0, record.getJsonNumber("cost").doubleValue(), 1e-9, "6 tokens at $1 each");
        assertTrue(number(record, "latency_ms") > 0, record.toString());
        assertTrue(number(record, "upstream_ms") <= number(record, "latency_ms"), record.toString());
        assertEquals(JsonValue.NULL, record.get("time_to_first_byte_ms"), "not a stream");
        assertEquals(JsonValue.NULL, record.get("request_body"), "log_request_bodies is off");
        JsonArray attempts = record.getJsonArray("attempts");
        assertEquals(1, attempts.size());
        assertEquals(provider, attempts.getJsonObject(0).getString("provider"));
        assertEquals("primary", attempts.getJsonObject(0).getString("key_name"));
        assertEquals(200, attempts.getJsonObject(0).getInt("status"));
    }

    @Test
    void get_streamedChat_timeToFirstByteAndUsage() {
        String provider = pricedProvider(scriptedKey(""));
        Caller caller = Caller.create();

        JsonObject record = awaitRecord(caller.chat(provider + "/gpt-4o", object().add("stream", true)
                .add("stream_options", object().add("include_usage", true)), Map.of()));

        assertTrue(record.getBoolean("stream"));
        assertEquals(200, record.getInt("status"));
        double firstByte = number(record, "time_to_first_byte_ms");
        assertTrue(firstByte > 0 && firstByte <= number(record, "latency_ms"), record.toString());
        assertEquals(2, record.getInt("prompt_tokens"));
        assertEquals(4, record.getInt("completion_tokens"));
        assertTrue(record.getJsonNumber("cost").doubleValue() > 0, record.toString());
    }

    @Test
    void get_firstTargetFailsOverToAFallback_fallbackIndexOneAndTwoAttempts() {
        String failing = provider("openai", scriptedKey("status=503"));
        String backup = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();

        JsonObject record = awaitRecord(caller.chat(failing + "/gpt-4o",
                object().add("fallbacks", strings(backup + "/")), Map.of()));

        assertEquals(200, record.getInt("status"));
        assertEquals(1, record.getInt("fallback_index"));
        assertEquals(backup, record.getString("provider"));
        JsonArray attempts = record.getJsonArray("attempts");
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals(failing, attempts.getJsonObject(0).getString("provider"));
        assertEquals(0, attempts.getJsonObject(0).getInt("fallback_index"));
        assertEquals(503, attempts.getJsonObject(0).getInt("status"));
        assertFalse(attempts.getJsonObject(0).isNull("error_type"));
        assertEquals(backup, attempts.getJsonObject(1).getString("provider"));
        assertEquals(1, attempts.getJsonObject(1).getInt("fallback_index"));
        assertEquals(200, attempts.getJsonObject(1).getInt("status"));
    }

    @Test
    void get_requestRoutedByARule_itsDecisionTraceWithoutHeaderValues() {
        String target = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        String rule = unique("log-rule");
        Reply created = admin("POST", "/api/routing/rules", object().add("name", rule).add("scope", "virtual_key")
                .add("scope_id", caller.id()).add("cel_expression", "headers[\"x-log-region\"] == \"eu\"")
                .add("targets", array(object().add("provider", target).add("model", "gpt-4o").add("weight", 1.0)))
                .build());
        assertEquals(201, created.status(), created.toString());
        String secretHeader = unique("header-value-never-logged");

        JsonObject record = awaitRecord(caller.chat("some-alias", object(),
                Map.of("x-log-region", "eu", "x-other", secretHeader)));

        assertEquals(rule, record.getString("rule"));
        assertEquals(target, record.getString("provider"));
        JsonArray trace = record.getJsonArray("trace");
        assertFalse(trace.isEmpty());
        JsonObject step = trace.getJsonObject(0);
        assertEquals(rule, step.getString("decided_by"));
        assertEquals("match", step.getJsonArray("rules").getJsonObject(0).getString("result"));
        assertEquals(target, step.getJsonObject("target").getString("provider"));
        assertFalse(record.toString().contains(secretHeader), "header values never appear in a trace");
    }

    @Test
    void get_chainedDecision_bothStepsOfTheTraceByRequestId() {
        String target = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        String alias = unique("log-alias");
        String middle = unique("log-middle");
        String first = unique("log-chain");
        String second = unique("log-final");
        assertEquals(201, admin("POST", "/api/routing/rules", object().add("name", first)
                .add("scope", "virtual_key").add("scope_id", caller.id()).add("chain_rule", true)
                .add("cel_expression", "model == \"" + alias + "\"")
                .add("targets", array(object().add("model", middle).add("weight", 1.0))).build()).status());
        assertEquals(201, admin("POST", "/api/routing/rules", object().add("name", second)
                .add("scope", "virtual_key").add("scope_id", caller.id())
                .add("cel_expression", "model == \"" + middle + "\"")
                .add("targets", array(object().add("provider", target).add("model", "gpt-4o").add("weight", 1.0)))
                .build()).status());

        JsonObject record = awaitRecord(caller.chat(alias, object(), Map.of()));

        assertEquals(second, record.getString("rule"));
        JsonArray trace = record.getJsonArray("trace");
        assertEquals(2, trace.size(), trace.toString());
        assertEquals(first, trace.getJsonObject(0).getString("decided_by"));
        assertEquals("chained", trace.getJsonObject(0).getString("outcome"));
        assertEquals(middle, trace.getJsonObject(1).getString("model"));
        assertEquals(second, trace.getJsonObject(1).getString("decided_by"));
        assertEquals(target, trace.getJsonObject(1).getJsonObject("target").getString("provider"));
    }

    @Test
    void get_unknownEndpoint_refusalRecordedWithItsStatus() {
        String requestId = unique("log-404");

        java.net.http.HttpResponse<String> response = it.proxy.DataPlane.call("POST", "/v1/no-such-endpoint",
                "{}", Map.of("x-request-id", requestId));

        assertEquals(404, response.statusCode(), response.body());
        JsonObject record = awaitRecord(requestId);
        assertEquals(404, record.getInt("status"));
        assertEquals("unknown", record.getString("endpoint"));
        assertEquals("not_found_error", record.getString("error_type"));
    }

    @Test
    void get_modelList_recordedWithItsCallerAndNoTarget() {
        Caller caller = Caller.create();
        String requestId = unique("log-models");

        java.net.http.HttpResponse<String> response = it.proxy.DataPlane.call("GET", "/v1/models", null,
                Map.of("Authorization", "Bearer " + caller.value(), "x-request-id", requestId));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject record = awaitRecord(requestId);
        assertEquals("models", record.getString("endpoint"));
        assertEquals(200, record.getInt("status"));
        assertEquals(caller.id(), record.getString("virtual_key_id"));
        assertEquals(JsonValue.NULL, record.get("provider"));
        assertEquals(0, record.getJsonArray("attempts").size());
    }

    @Test
    void list_filtersAndCursor_sevenServedRecordsInPagesOfThree() {
        String first = provider("openai", scriptedKey(""));
        String second = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            sent.add(caller.chat((i < 5 ? first : second) + "/gpt-4o"));
        }
        String refused = caller.chat("no-such-model-" + unique("m"));
        String vk = "virtual_key_id=" + caller.id();
        awaitCount(vk, 8);

        assertEquals(5, page(vk + "&provider=" + first).getJsonArray("data").size());
        assertEquals(2, page(vk + "&provider=" + second + "&model=gpt-4o").getJsonArray("data").size());
        JsonArray failed = page(vk + "&status=400").getJsonArray("data");
        assertEquals(1, failed.size());
        assertEquals(refused, failed.getJsonObject(0).getString("request_id"));
        assertEquals("model_not_found", failed.getJsonObject(0).getString("error_type"));
        assertEquals(0, page("virtual_key_id=" + UUID.randomUUID()).getJsonArray("data").size());

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Instant previous = Instant.MAX;
        Optional<String> cursor = Optional.empty();
        do {
            JsonObject page = page(vk + "&status=200&limit=3" + cursor.map(c -> "&cursor=" + c).orElse(""));
            JsonArray data = page.getJsonArray("data");
            sizes.add(data.size());
            for (JsonObject record : data.getValuesAs(JsonObject.class)) {
                Instant time = Instant.parse(record.getString("time"));
                assertFalse(time.isAfter(previous), "newest first");
                previous = time;
                paged.add(record.getString("request_id"));
            }
            cursor = page.isNull("next_cursor") ? Optional.empty() : Optional.of(page.getString("next_cursor"));
        } while (cursor.isPresent());
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(sent, new HashSet<>(paged));
        assertEquals(7, paged.size(), "no record twice");
    }

    @Test
    void stats_groupedByProvider_countsErrorsTokensAndCost() {
        String priced = pricedProvider(scriptedKey(""));
        String broken = provider("openai", scriptedKey("status=500"));
        Caller caller = Caller.create();
        Instant from = Instant.now().minusSeconds(60);
        for (int i = 0; i < 3; i++) {
            caller.chat(priced + "/gpt-4o");
        }
        caller.chat(broken + "/gpt-4o");
        awaitCount("virtual_key_id=" + caller.id(), 4);

        Reply reply = admin("GET", "/api/logs/stats?group_by=provider&from=" + from);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("provider", reply.json().getString("group_by"));
        JsonObject served = group(reply.json(), priced);
        assertEquals(3, served.getInt("count"));
        assertEquals(0, served.getInt("errors"));
        assertEquals(0.0, served.getJsonNumber("error_rate").doubleValue());
        assertEquals(6, served.getInt("prompt_tokens"));
        assertEquals(12, served.getInt("completion_tokens"));
        assertEquals(18.0, served.getJsonNumber("cost").doubleValue(), 1e-9);
        double p50 = served.getJsonNumber("latency_p50_ms").doubleValue();
        assertTrue(p50 > 0 && p50 <= served.getJsonNumber("latency_p95_ms").doubleValue(), served.toString());
        JsonObject failed = group(reply.json(), broken);
        assertEquals(1, failed.getInt("count"));
        assertEquals(1.0, failed.getJsonNumber("error_rate").doubleValue());
        JsonObject byKey = group(admin("GET", "/api/logs/stats?group_by=virtual_key&from=" + from).json(),
                caller.id());
        assertEquals(4, byKey.getInt("count"));
        assertEquals(caller.name(), byKey.getString("name"));
    }

    @Test
    void list_badParameters_400NamingEachOne() {
        Reply reply = admin("GET", "/api/logs?virtual_key_id=not-a-uuid&status=abc&from=yesterday&limit=0"
                + "&cursor=not-a-cursor");

        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        for (String field : List.of("virtual_key_id", "status", "from", "limit", "cursor")) {
            assertTrue(reply.hasFieldError(field), field + " in " + reply);
        }
        assertTrue(admin("GET", "/api/logs?limit=1001").hasFieldError("limit"));
        assertTrue(admin("GET", "/api/logs/stats").hasFieldError("group_by"));
        assertTrue(admin("GET", "/api/logs/stats?group_by=customer").hasFieldError("group_by"));
        assertEquals(404, admin("GET", "/api/logs/" + unique("no-such-request")).status());
        assertEquals(401, Gateway.send("GET", "/api/logs", null, null, null).status());
    }

    @Test
    void logRequestBodies_on_bodyStoredAsSentAndOffAgain_none() {
        String provider = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        String withBody;
        try {
            assertEquals(200, admin("PUT", "/api/config", object().add("log_request_bodies", true).build()).status());
            withBody = caller.chat(provider + "/gpt-4o", object().add("user", "body-marker"), Map.of());
        } finally {
            assertEquals(200, admin("PUT", "/api/config", object().add("log_request_bodies", false).build()).status());
        }
        String without = caller.chat(provider + "/gpt-4o");

        String body = awaitRecord(withBody).getString("request_body");
        assertTrue(body.contains("\"user\":\"body-marker\"") && body.contains("Say hello"), body);
        assertEquals(JsonValue.NULL, awaitRecord(without).get("request_body"));
    }

    @Test
    void burst_5000ParallelRequests_eachStoredOrCountedAsDroppedAndNoSecretStoredOrLogged() throws Exception {
        String providerKey = scriptedKey("");
        String provider = provider("openai", providerKey);
        Caller caller = Caller.create();
        Instant from = Instant.now().minusSeconds(60);
        long droppedBefore = dropped();
        String body = object().add("model", provider + "/gpt-4o").add("max_tokens", 1)
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build().toString();
        AtomicInteger served = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> workers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < 5_000) {
                        if (call("POST", "/v1/chat/completions", body,
                                Map.of("Authorization", "Bearer " + caller.value())).statusCode() == 200) {
                            served.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5_000, served.get());

        long deadline = System.nanoTime() + WAIT.toNanos();
        long stored;
        long dropped;
        do {
            Thread.sleep(250);
            JsonObject group = groupOrEmpty(admin("GET", "/api/logs/stats?group_by=virtual_key&from=" + from).json(),
                    caller.id());
            stored = group.containsKey("count") ? group.getInt("count") : 0;
            dropped = dropped() - droppedBefore;
        } while (stored + dropped < 5_000 && System.nanoTime() < deadline);
        assertEquals(5_000, stored + dropped, stored + " stored, " + dropped + " dropped");

        List<String> secrets = List.of(caller.value(), caller.value().substring(8), providerKey);
        StringBuilder records = new StringBuilder();
        Optional<String> cursor = Optional.empty();
        do {
            JsonObject page = page("virtual_key_id=" + caller.id() + "&limit=1000"
                    + cursor.map(c -> "&cursor=" + c).orElse(""));
            records.append(page.getJsonArray("data"));
            cursor = page.isNull("next_cursor") ? Optional.empty() : Optional.of(page.getString("next_cursor"));
        } while (cursor.isPresent());
        String log = Files.readString(Gateway.SERVER_DIR.resolve("logs/messages.log"), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(records.toString().contains(secret), "a stored record holds a secret");
            assertFalse(log.contains(secret), "messages.log holds a secret");
        }
    }

    // --- helpers

    /** The record of {@code requestId}, once it is written. */
    static JsonObject awaitRecord(String requestId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Reply reply;
        do {
            reply = admin("GET", "/api/logs/" + URLEncoder.encode(requestId, StandardCharsets.UTF_8));
            if (reply.status() == 200) {
                assertEquals(requestId, reply.json().getString("request_id"));
                return reply.json();
            }
            assertEquals(404, reply.status(), reply.toString());
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no record of " + requestId + " after " + WAIT);
    }

    /** Waits until the filter {@code query} finds {@code count} records. */
    private static void awaitCount(String query, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int found;
        do {
            found = page(query + "&limit=1000").getJsonArray("data").size();
            if (found == count) {
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        fail(found + " records instead of " + count + " for " + query);
    }

    private static JsonObject page(String query) {
        Reply reply = admin("GET", "/api/logs?" + query);
        assertEquals(200, reply.status(), reply.toString());
        assertNotNull(reply.json().get("next_cursor"), "next_cursor is always there, null on the last page");
        return reply.json();
    }

    private static JsonObject group(JsonObject stats, String key) {
        JsonObject found = groupOrEmpty(stats, key);
        assertFalse(found.isEmpty(), key + " missing from " + stats);
        return found;
    }

    private static JsonObject groupOrEmpty(JsonObject stats, String key) {
        return stats.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(g -> key.equals(g.isNull("key") ? null : g.getString("key")))
                .findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** {@code iris_request_log_dropped_total} as /metrics shows it now. */
    private static long dropped() {
        Reply metrics = Gateway.send("GET", "/metrics", null, null, null);
        return metrics.body().lines().filter(l -> l.startsWith("iris_request_log_dropped_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no iris_request_log_dropped_total in /metrics"));
    }

    private static double number(JsonObject json, String name) {
        return json.getJsonNumber(name).doubleValue();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
