package it.admin;

import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.listed;
import static it.support.Bodies.object;
import static it.support.Gateway.adminToken;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway;
import it.support.Gateway.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminAuthIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> READS = List.of("/api/customers", "/api/teams", "/api/virtual-keys",
            "/api/providers", "/api/model-configs", "/api/pricing", "/api/routing/rules", "/api/config");

    /** The reply and its WWW-Authenticate header, which {@link Reply} does not carry. */
    private record Answer(Reply reply, String challenge) {
    }

    private static Answer call(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE_URL + path))
                .header(Gateway.FORWARDED_FOR, Gateway.freshClientAddress());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers
                    .ofString(object().add("name", unique("intruder")).build().toString()));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null));
            return new Answer(reply, response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertUnauthorized(Answer answer) {
        assertProblemShape(answer.reply(), 401);
        assertTrue(answer.challenge() != null && answer.challenge().startsWith("Bearer"),
                "WWW-Authenticate: " + answer.challenge());
    }

    @Test
    void everyAdminPath_noToken_returns401ProblemWithChallenge() {
        for (String path : READS) {
            assertUnauthorized(call("GET", path, null));
        }
        assertUnauthorized(call("PUT", "/api/config", null));
        assertUnauthorized(call("DELETE", "/api/customers/" + Admin.randomId(), null));
        assertUnauthorized(call("GET", "/api", null));
    }

    @Test
    void write_noOrWrongToken_returns401AndCreatesNothing() {
        String name = unique("intruder");
        String body = object().add("name", name).build().toString();
        for (String authorization : new String[] {null, "Bearer " + adminToken() + "x", "Bearer "}) {
            Reply reply = Gateway.send("POST", "/api/customers", body, "application/json", authorization);
            assertProblemShape(reply, 401);
        }
        assertFalse(listed("/api/customers", "name", name));
    }

    @Test
    void everyAdminPath_wrongToken_returns401() {
        String[] wrong = {"Bearer not-the-token", "Bearer " + adminToken().substring(1),
            "Bearer " + adminToken() + "0", "Basic " + adminToken(), adminToken(), "Bearer"};
        for (String authorization : wrong) {
            for (String path : READS) {
                assertUnauthorized(call("GET", path, authorization));
            }
        }
    }

    @Test
    void adminPath_virtualKeyValueAsToken_returns401() {
        String value = Admin.created("/api/virtual-keys", object().add("name", unique("vk")).build())
                .getString("value");

        for (String path : READS) {
            Answer answer = call("GET", path, "Bearer " + value);
            assertUnauthorized(answer);
            assertFalse(answer.reply().body().contains(value));
        }
        assertUnauthorized(call("POST", "/api/customers", "Bearer " + value));
    }

    @Test
    void adminPath_lowerCaseBearerScheme_isAccepted() {
        for (String scheme : new String[] {"bearer ", "BEARER ", "Bearer "}) {
            for (String path : READS) {
                Answer answer = call("GET", path, scheme + adminToken());
                assertEquals(200, answer.reply().status(), scheme + path + " -> " + answer.reply());
            }
        }
    }

    @Test
    void unknownAdminPath_noToken401_withToken404() {
        for (String path : new String[] {"/api/nothing-here", "/api/customers/x/y/z", "/api/routing/unknown"}) {
            assertUnauthorized(call("GET", path, null));
            assertUnauthorized(call("GET", path, "Bearer wrong"));
            assertProblemShape(call("GET", path, "Bearer " + adminToken()).reply(), 404);
        }
    }
}
