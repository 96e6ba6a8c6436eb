package it.security;

import static it.support.Gateway.adminToken;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.proxy.DataPlane;
import it.support.Gateway;
import it.support.Metrics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failed authentications are throttled per client address (docs/security/admin-access.md): after 20 failures in a
 * window of a minute, 429 with Retry-After for every admin or virtual-key request of that address, a correct
 * credential included, until the window ends. The IT server trusts 127.0.0.1 as a proxy, so each test blocks
 * addresses of its own (documentation ranges, new each run) through X-Forwarded-For and nobody else: the other
 * tests, and this JVM's own 127.0.0.1, go on unaffected. That the window ends is AuthThrottleTest's (a clock).
 */
class AuthThrottleIT {
    private static final int LIMIT = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(RANDOM.nextInt(254));
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** An address in 198.51.100.0/24 (TEST-NET-2) that no other test of this run uses. */
    private static String ipv4() {
        return "198.51.100." + (1 + NEXT_HOST.getAndIncrement() % 254);
    }

    /**
     * An IPv6 /64 of its own in 2001:db8::/32 (documentation), as {@code 2001:db8:xxxx:yyyy::} (groups without
     * leading zeros, so the address reads back the same from the audit line); add a host.
     */
    private static String ipv6Network() {
        return "2001:db8:" + Integer.toHexString(0x1000 + RANDOM.nextInt(0xf000)) + ":"
                + Integer.toHexString(0x1000 + RANDOM.nextInt(0xf000)) + "::";
    }

    /** A request from {@code address} (null: no X-Forwarded-For, so from 127.0.0.1 itself). */
    private static HttpResponse<String> call(String method, String path, Map<String, String> headers, String body,
                                             String address) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (address != null) {
            request.header(Gateway.FORWARDED_FOR, address);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(response.body().contains(adminToken()), "the admin token is not in the answer");
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> admin(String token, String address) {
        return call("GET", "/api/customers", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
                null, address);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** 429 with a Retry-After of 1 to 60 seconds. */
    private static void assertThrottled(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    private static void assertAdminThrottled(HttpResponse<String> response) {
        assertThrottled(response);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = json(response);
        assertEquals(429, problem.getInt("status"));
        assertTrue(problem.getString("type").endsWith("too_many_requests"), problem.toString());
    }

    private static void assertDataPlaneThrottled(HttpResponse<String> response) {
        assertThrottled(response);
        assertEquals("request_limited", json(response).getJsonObject("error").getString("type"), response.body());
    }

    @Test
    void adminToken_sixtyWrongTokens_twentyFirstOnwards429_evenTheRightToken() {
        String address = ipv4();
        double throttledBefore = Metrics.sum("iris_auth_failures_total",
                Map.of("kind", "admin", "reason", "throttled"));

        String presented = "wrong-" + unique("t") + "-";
        for (int attempt = 1; attempt <= 60; attempt++) {
            HttpResponse<String> answer = admin(presented + attempt, address);
            if (attempt <= LIMIT) {
                assertEquals(401, answer.statusCode(), "attempt " + attempt + ": " + answer.body());
            } else {
                assertAdminThrottled(answer);
            }
        }
        assertAdminThrottled(admin(adminToken(), address));
        assertAdminThrottled(admin(null, address));

        assertEquals(200, admin(adminToken(), ipv4()).statusCode(), "another address is not throttled");
        assertEquals(200, admin(adminToken(), null).statusCode(), "nor is the trusted proxy itself");

        List<JsonObject> lines = AuthAudit.await(address, LIMIT + 1);
        assertEquals(LIMIT, lines.stream().filter(l -> l.getString("reason").equals("invalid")).count());
        assertEquals(1, lines.stream().filter(l -> l.getString("reason").equals("throttled")).count(),
                "one throttled line per address and window, however many refusals: " + lines);
        assertTrue(lines.stream().allMatch(l -> l.getString("kind").equals("admin")));
        assertTrue(Metrics.await("iris_auth_failures_total", Map.of("kind", "admin", "reason", "throttled"),
                throttledBefore + 42) >= throttledBefore + 42, "every throttled refusal is counted");
        String log = AuthAudit.messagesLogText();
        assertFalse(log.contains(presented), "no presented token is in messages.log");
        assertFalse(log.contains(adminToken()), "nor the admin token");
    }

    @Test
    void virtualKey_twentyUnknownKeys_thenEvenAValidKeyIs429OnEveryVirtualKeyPath() {
        String network = ipv6Network();
        String address = network + "1";
        String valid = DataPlane.virtualKey();
        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            HttpResponse<String> answer = call("POST", "/v1/chat/completions",
                    Map.of("Authorization", "Bearer sk-iris-" + unique("unknown")), CHAT, address);
            assertEquals(401, answer.statusCode(), "attempt " + attempt + ": " + answer.body());
            assertEquals("authentication_error", json(answer).getJsonObject("error").getString("type"));
        }

        assertDataPlaneThrottled(call("POST", "/v1/chat/completions", Map.of("Authorization", "Bearer " + valid),
                CHAT, address));
        assertDataPlaneThrottled(call("GET", "/v1/models", Map.of("Authorization", "Bearer " + valid), null,
                address));
        HttpResponse<String> anthropic = call("POST", "/anthropic/v1/messages", Map.of("x-api-key", valid),
                "{\"model\":\"claude-3-5-haiku\",\"max_tokens\":5,\"messages\":[]}", address);
        assertThrottled(anthropic);
        assertEquals("error", json(anthropic).getString("type"));
        assertEquals("request_limited", json(anthropic).getJsonObject("error").getString("type"));
        assertAdminThrottled(call("GET", "/api/virtual-keys/self", Map.of("Authorization", "Bearer " + valid), null,
                address));

        assertDataPlaneThrottled(call("GET", "/v1/models", Map.of("Authorization", "Bearer " + valid), null,
                network + "abcd:1"));
        assertEquals(200, call("GET", "/v1/models", Map.of("Authorization", "Bearer " + valid), null,
                ipv6Network() + "1").statusCode(), "another /64 is not throttled");
        assertEquals(200, call("GET", "/v1/models", Map.of("Authorization", "Bearer " + valid), null, ipv4())
                .statusCode());

        List<JsonObject> lines = AuthAudit.await(address.replace("::", ":0:0:0:"), LIMIT);
        assertTrue(lines.size() >= LIMIT, "audit lines of " + address + ": " + lines.size());
        assertTrue(lines.stream().allMatch(l -> l.getString("kind").equals("virtual_key")));
    }

    @Test
    void adminAndVirtualKeyFailures_countTogetherPerAddress() {
        String address = ipv4();
        for (int i = 0; i < LIMIT / 2; i++) {
            assertEquals(401, admin("wrong-" + unique("t"), address).statusCode());
            assertEquals(401, call("GET", "/v1/models", Map.of("x-api-key", "sk-iris-" + unique("unknown")), null,
                    address).statusCode());
        }
        assertAdminThrottled(admin(adminToken(), address));
    }

    @Test
    void forwardedFor_spoofedLeftHopsRotated_theRightmostUntrustedHopIsThrottled() {
        String address = ipv4();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, admin("wrong-" + unique("t"), "203.0.113." + (i + 1) + ", " + address).statusCode());
        }
        assertAdminThrottled(admin(adminToken(), "192.0.2.77, " + address));
        assertAdminThrottled(admin(adminToken(), address));
        assertEquals(200, admin(adminToken(), "192.0.2.78").statusCode(), "the spoofed hops were never counted");
    }

    @Test
    void missingCredentials_countLikeWrongOnes() {
        String address = ipv4();
        Map<String, String> none = new HashMap<>();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, call("GET", "/api/teams", none, null, address).statusCode());
        }
        assertAdminThrottled(call("GET", "/api/teams", Map.of("Authorization", "Bearer " + adminToken()), null,
                address));
        assertTrue(AuthAudit.await(address, LIMIT + 1).stream()
                .anyMatch(l -> l.getString("reason").equals("missing")));
    }
}
