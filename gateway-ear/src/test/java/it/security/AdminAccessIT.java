package it.security;

import static it.support.Bodies.object;
import static it.support.Gateway.adminToken;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway;
import it.support.Gateway.Reply;
import it.support.Metrics;
import it.support.RawHttp;
import it.support.RawHttp.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Admin access is exact (API.md §5, docs/security/admin-access.md): whatever the spelling of a path, the management
 * API is never served without the admin token; failures are audited without the token and counted; bodies and
 * headers have explicit limits. Requests go out on raw sockets, so every path reaches the server as written.
 */
class AdminAccessIT {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int MAX_ADMIN_BODY = 1_048_576;
    private static final String FAILURES = "iris_auth_failures_total";

    /** Who refuses a spelling: the gateway (in its error shape) or Liberty's web container (its own 400 page). */
    private enum Layer { GATEWAY, CONTAINER }

    /** A spelling of {@code /api/customers} (or near it), what it must get without a token, and from whom. */
    private record Variant(String rawPath, int status, Layer layer) {
        static Variant gateway(String rawPath, int status) {
            return new Variant(rawPath, status, Layer.GATEWAY);
        }

        static Variant container(String rawPath) {
            return new Variant(rawPath, 400, Layer.CONTAINER);
        }
    }

    private static final List<Variant> ADMIN_VARIANTS = List.of(
            Variant.gateway("/api;x=1/customers", 400),
            Variant.gateway("/api/customers;x=1", 400),
            Variant.gateway("/api;/customers", 400),
            // Liberty cuts ";jsessionid=..." and the rest from the URI before any layer: it is /api/customers (or
            // /api) to the filters and to the router alike, so it needs the token like them.
            Variant.gateway("/api/customers;jsessionid=1", 401),
            Variant.gateway("/api;jsessionid=1/customers", 401),
            Variant.gateway("/api/customers;JSESSIONID=1", 400),
            Variant.gateway("//api/customers", 400),
            Variant.gateway("/api//customers", 400),
            Variant.gateway("/./api/customers", 400),
            Variant.gateway("/api/./customers", 400),
            Variant.gateway("/api/../api/customers", 400),
            Variant.gateway("/x/../api/customers", 400),
            Variant.gateway("/api/customers/.", 400),
            Variant.gateway("/api/customers/..", 400),
            Variant.gateway("/api%3bx=1/customers", 400),
            Variant.gateway("/api%3Bx=1/customers", 400),
            Variant.container("/%2e/api/customers"),
            Variant.container("/%2E%2E/api/customers"),
            Variant.container("/api/%2e%2e/api/customers"),
            Variant.container("/api%2fcustomers"),
            Variant.container("/api%2Fcustomers"),
            Variant.container("/api%5ccustomers"),
            Variant.container("/api%5Ccustomers"),
            Variant.container("/api/customers%00"),
            Variant.container("/api/customers%0a"),
            Variant.container("/api%zz/customers"),
            Variant.container("/api\\customers"),
            Variant.container("/api/\u0001customers"),
            Variant.gateway("/API/customers", 401),
            Variant.gateway("/Api/customers", 401),
            Variant.gateway("/aPi/Customers", 401),
            Variant.gateway("/api/customers/", 401),
            Variant.gateway("/api/Customers", 401),
            Variant.gateway("/%61pi/customers", 401),
            Variant.gateway("/%41PI/customers", 401));

    /** A raw request from an address of its own (so that these failures never add up to the throttle). */
    private static Answer raw(String method, String rawPath, String authorization, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Gateway.FORWARDED_FOR, Gateway.freshClientAddress());
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        Answer answer = RawHttp.send(method, rawPath, headers, body);
        assertFalse(answer.body().contains(adminToken()), "the admin token is not in the answer: " + answer);
        return answer;
    }

    private static Set<String> customerNames() {
        Reply list = Gateway.admin("GET", "/api/customers");
        assertEquals(200, list.status(), list.toString());
        Set<String> names = new TreeSet<>();
        list.json().getJsonArray("data").forEach(c -> names.add(c.asJsonObject().getString("name")));
        return names;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** The status, and the gateway's problem shape when the gateway refused; never anything served. */
    private static void assertRefused(Variant variant, String method, Answer answer) {
        String what = method + " " + variant.rawPath() + " -> " + answer;
        assertEquals(variant.status(), answer.status(), what);
        if (variant.layer() == Layer.GATEWAY) {
            assertProblem(answer, variant.status());
        } else {
            // Liberty's own refusal page (HTML, or {"error_message": "CWWWC0005I ..."} for a JSON request): no data.
            assertFalse(answer.body().contains("\"data\"") || answer.body().contains("\"created_at\""), what);
        }
    }

    private static void assertProblem(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith(PROBLEM_JSON), answer.toString());
        assertEquals(status, json(answer.body()).getInt("status"), answer.toString());
    }

    @Test
    void adminToken_ofTheItServer_atLeast32CharactersAndNotInMessagesLog() {
        assertTrue(adminToken().length() >= 32, "the IT server's admin token has " + adminToken().length()
                + " characters");
        assertFalse(AuthAudit.messagesLogText().contains(adminToken()), "the admin token is not in messages.log");
    }

    @Test
    void everySpellingOfAnAdminPath_noToken_refusedAndNothingChanged() {
        Set<String> before = customerNames();
        String body = object().add("name", unique("dodger")).build().toString();

        for (Variant variant : ADMIN_VARIANTS) {
            for (String method : new String[] {"GET", "POST"}) {
                assertRefused(variant, method, raw(method, variant.rawPath(), null,
                        method.equals("POST") ? body : null));
            }
        }

        assertEquals(before, customerNames(), "no customer was created through any spelling");
    }

    @Test
    void nonCanonicalAdminPath_evenWithTheToken_400NotServed() {
        String body = object().add("name", unique("dodger")).build().toString();
        for (Variant variant : ADMIN_VARIANTS) {
            if (variant.status() == 400) {
                assertRefused(variant, "POST", raw("POST", variant.rawPath(), "Bearer " + adminToken(), body));
            }
        }
        Answer matrix = raw("GET", "/api;x=1/customers", "Bearer " + adminToken(), null);
        assertTrue(json(matrix.body()).getString("detail").contains("matrix"), matrix.toString());
    }

    @Test
    void upperCaseAdminPath_withToken_404NeverServed() {
        assertProblem(raw("GET", "/API/customers", "Bearer " + adminToken(), null), 404);
        assertProblem(raw("GET", "/Api/customers", "Bearer " + adminToken(), null), 404);
    }

    @Test
    void trailingSlashOrEncodedLetters_needTheTokenLikeTheCanonicalPath() {
        for (String path : new String[] {"/api/customers/", "/%61pi/customers"}) {
            assertProblem(raw("GET", path, null, null), 401);
            assertProblem(raw("GET", path, "Bearer wrong-" + unique("t"), null), 401);
        }
    }

    @Test
    void nonCanonicalDataPlanePaths_400InTheirApisErrorShape() {
        for (String path : new String[] {"/v1;x=1/models", "/v1/models;x=1", "/v1//models", "/v1/chat/../models",
            "/v1/models/.", "/v1/models%3bx"}) {
            Answer answer = raw("GET", path, "Bearer sk-iris-" + unique("x"), null);
            assertEquals(400, answer.status(), path + " -> " + answer);
            JsonObject error = json(answer.body()).getJsonObject("error");
            assertEquals("invalid_request_error", error.getString("type"), answer.toString());
            assertTrue(error.containsKey("message") && error.containsKey("param") && error.containsKey("code"));
        }
        for (String path : new String[] {"/anthropic;x=1/v1/messages", "/anthropic/v1/./messages",
            "//anthropic/v1/messages"}) {
            Answer answer = raw("POST", path, null, "{}");
            assertEquals(400, answer.status(), path + " -> " + answer);
            JsonObject anthropic = json(answer.body());
            assertEquals("error", anthropic.getString("type"), answer.toString());
            assertEquals("invalid_request_error", anthropic.getJsonObject("error").getString("type"));
        }
    }

    @Test
    void canonicalCheck_leavesOpenapiHealthAndMetricsServing() {
        for (String path : new String[] {"/openapi", "/health/ready", "/health/live", "/metrics"}) {
            assertEquals(200, raw("GET", path, null, null).status(), path);
        }
    }

    @Test
    void selfPath_writesWithoutTheAdminToken_401() {
        String vk = it.proxy.DataPlane.virtualKey();
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            String body = method.equals("DELETE") ? null : object().add("name", unique("self")).build().toString();
            assertProblem(raw(method, "/api/virtual-keys/self", null, body), 401);
            assertProblem(raw(method, "/api/virtual-keys/self", "Bearer " + vk, body), 401);
        }
        assertProblem(raw("GET", "/api/virtual-keys/self/", "Bearer " + vk, null), 401);
        assertProblem(raw("GET", "/api/virtual-keys/SELF", "Bearer " + vk, null), 401);
        Answer self = raw("GET", "/api/virtual-keys/self", "Bearer " + vk, null);
        assertEquals(200, self.status(), "a virtual key still reads its own key: " + self);
        assertProblem(raw("GET", "/api/virtual-keys/self", null, null), 401);
    }

    @Test
    void failedAdminAuthentication_auditedWithoutThePresentedToken() {
        String address = Gateway.freshClientAddress();
        String presented = "wrong-" + unique("token") + "-" + unique("secret");
        Answer wrong = RawHttp.send("POST", "/api/customers", Map.of(Gateway.FORWARDED_FOR, address,
                "Authorization", "Bearer " + presented, "Content-Type", "application/json"), "{\"name\":\"x\"}");
        assertProblem(wrong, 401);
        Answer missing = RawHttp.send("GET", "/api/teams", Map.of(Gateway.FORWARDED_FOR, address), null);
        assertProblem(missing, 401);

        List<JsonObject> lines = AuthAudit.await(address, 2);
        assertEquals(2, lines.size(), lines.toString());
        JsonObject invalid = lines.get(0);
        assertEquals("admin", invalid.getString("kind"));
        assertEquals("invalid", invalid.getString("reason"));
        assertEquals("POST", invalid.getString("method"));
        assertEquals("/api/customers", invalid.getString("path"));
        assertTrue(invalid.containsKey("time"));
        JsonObject absent = lines.get(1);
        assertEquals("missing", absent.getString("reason"));
        assertEquals("/api/teams", absent.getString("path"));

        String log = AuthAudit.messagesLogText();
        assertFalse(log.contains(presented), "the presented token is nowhere in messages.log");
        assertFalse(log.contains(presented.substring(6, 20)), "nor any part of it");
        assertFalse(log.contains(adminToken()), "nor the admin token");
    }

    @Test
    void failedAuthentications_countedInIrisAuthFailuresTotal() {
        Map<String, String> adminInvalid = Map.of("kind", "admin", "reason", "invalid");
        Map<String, String> adminMissing = Map.of("kind", "admin", "reason", "missing");
        Map<String, String> keyInvalid = Map.of("kind", "virtual_key", "reason", "invalid");
        double[] before = {Metrics.sum(FAILURES, adminInvalid), Metrics.sum(FAILURES, adminMissing),
            Metrics.sum(FAILURES, keyInvalid)};

        assertProblem(raw("GET", "/api/customers", "Bearer nope-" + unique("t"), null), 401);
        assertProblem(raw("GET", "/api/customers", null, null), 401);
        Answer unknownKey = raw("POST", "/v1/chat/completions", "Bearer sk-iris-" + unique("unknown"),
                "{\"model\":\"gpt-4o\",\"messages\":[]}");
        assertEquals(401, unknownKey.status(), unknownKey.toString());
        assertEquals("authentication_error", json(unknownKey.body()).getJsonObject("error").getString("type"));
        assertEquals(401, raw("GET", "/v1/models", "Bearer sk-iris-" + unique("unknown"), null).status());

        assertEquals(before[0] + 1, Metrics.await(FAILURES, adminInvalid, before[0] + 1));
        assertEquals(before[1] + 1, Metrics.await(FAILURES, adminMissing, before[1] + 1));
        assertEquals(before[2] + 2, Metrics.await(FAILURES, keyInvalid, before[2] + 2));
    }

    @Test
    void adminBody_declaredOverTheLimit_413BeforeReading() {
        String name = unique("big");
        String oversized = "{\"name\":\"" + name + "\"}" + " ".repeat(MAX_ADMIN_BODY);
        Answer answer = raw("POST", "/api/customers", "Bearer " + adminToken(), oversized);
        assertProblem(answer, 413);
        assertFalse(customerNames().contains(name));
    }

    @Test
    void adminBody_chunkedOverTheLimit_413() {
        String name = unique("big");
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/customers HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + adminToken() + "\r\nContent-Type: application/json\r\n"
                + Gateway.FORWARDED_FOR + ": " + Gateway.freshClientAddress() + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] json = ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.US_ASCII);
        request.writeBytes((Integer.toHexString(json.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(json);
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int sent = 0; sent <= MAX_ADMIN_BODY; sent += chunk.length) {
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertProblem(RawHttp.exchange(request.toByteArray()), 413);
        assertFalse(customerNames().contains(name));
    }

    @Test
    void adminBody_http2WithoutLengthOverTheLimit_413() throws Exception {
        String name = unique("big");
        byte[] oversized = ("{\"name\":\"" + name + "\"}" + " ".repeat(MAX_ADMIN_BODY))
                .getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // The first request upgrades the connection to HTTP/2 (h2c); the second then streams a body of no stated length.
        client.send(HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + "/api/customers"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .header(Gateway.FORWARDED_FOR, Gateway.freshClientAddress())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        assertFalse(customerNames().contains(name));
    }

    @Test
    void adminWrite_overHttp2WithALength_accepted() throws Exception {
        String name = unique("h2");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        client.send(HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(Gateway.BASE_URL + "/api/customers"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .header(Gateway.FORWARDED_FOR, Gateway.freshClientAddress())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void adminBody_exactlyAtTheLimit_accepted() throws IOException {
        String name = unique("padded");
        String json = "{\"name\":\"" + name + "\"}";
        String atLimit = json + " ".repeat(MAX_ADMIN_BODY - json.length());
        assertEquals(MAX_ADMIN_BODY, atLimit.getBytes(StandardCharsets.UTF_8).length);

        Answer answer = raw("POST", "/api/customers", "Bearer " + adminToken(), atLimit);
        assertEquals(201, answer.status(), answer.toString());
        assertTrue(customerNames().contains(name));
    }

    @Test
    void giantHeader_refusedAndTheServerKeepsServing() {
        // 20 KiB: over the configured 16 KiB (limitFieldSize), under Liberty's default of 32 KiB.
        Map<String, String> headers = Map.of("X-Giant", "g".repeat(20 * 1024),
                Gateway.FORWARDED_FOR, Gateway.freshClientAddress());
        Answer answer = RawHttp.send("GET", "/api/customers", headers, null);
        assertTrue(answer.status() >= 400 && answer.status() < 500, "a 20 KiB header is refused: " + answer);
        assertKeepsServing();
    }

    @Test
    void tooManyHeaders_refusedAndTheServerKeepsServing() {
        // 150: over the configured 100 (limitNumHeaders), under Liberty's default of 500.
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            headers.put("X-Header-" + i, "v");
        }
        Answer answer = RawHttp.send("GET", "/health/ready", headers, null);
        assertTrue(answer.status() >= 400 && answer.status() < 500, "150 headers are refused: " + answer);
        assertKeepsServing();
    }

    @Test
    void ordinaryHeaders_underTheLimits_served() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            headers.put("X-Header-" + i, "v".repeat(200));
        }
        headers.put("Authorization", "Bearer " + adminToken());
        headers.put("X-Large-But-Fine", "f".repeat(8 * 1024));
        headers.put(Gateway.FORWARDED_FOR, Gateway.freshClientAddress());
        assertEquals(200, RawHttp.send("GET", "/api/customers", headers, null).status());
    }

    private static void assertKeepsServing() {
        assertEquals(200, Gateway.admin("GET", "/api/config").status());
        JsonValue ready = Gateway.send("GET", "/health/ready", null, null, null).json().get("status");
        assertEquals("\"UP\"", ready.toString());
    }
}
