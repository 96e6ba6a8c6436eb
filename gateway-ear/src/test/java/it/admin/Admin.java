package it.admin;

import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;

/** Shared checks and fixtures of the management API tests. */
final class Admin {
    static final String PROBLEM_JSON = "application/problem+json";

    private Admin() {
    }

    /** A rejected write: the status, an RFC 9457 body, and an error naming {@code field} (exactly). */
    static void assertProblem(Reply reply, int status, String field) {
        assertProblemShape(reply, status);
        assertTrue(reply.hasFieldError(field), "expected an error for field " + field + ": " + reply);
    }

    /** As {@link #assertProblem} but the error's field need only start with {@code fieldPrefix}. */
    static void assertProblemAt(Reply reply, int status, String fieldPrefix) {
        assertProblemShape(reply, status);
        boolean named = reply.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("field").startsWith(fieldPrefix));
        assertTrue(named, "expected an error for a field under " + fieldPrefix + ": " + reply);
    }

    static void assertProblemShape(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith(PROBLEM_JSON), "content type " + reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"), reply.toString());
        assertTrue(problem.containsKey("type") && problem.containsKey("title") && problem.containsKey("detail"),
                reply.toString());
    }

    /** Whether the collection's list holds an item whose {@code key} is {@code value}. */
    static boolean listed(String collection, String key, String value) {
        Reply list = admin("GET", collection);
        assertEquals(200, list.status(), list.toString());
        return list.json().getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .anyMatch(item -> item.containsKey(key) && !item.isNull(key)
                        && item.get(key).getValueType() == JsonValue.ValueType.STRING
                        && item.getString(key).equals(value));
    }

    static JsonObject created(String collection, JsonObject body) {
        Reply reply = admin("POST", collection, body);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    static String customer() {
        return created("/api/customers", object().add("name", unique("it-cust")).build()).getString("id");
    }

    static String team(String customerId) {
        var body = object().add("name", unique("it-team"));
        if (customerId != null) {
            body.add("customer_id", customerId);
        }
        return created("/api/teams", body.build()).getString("id");
    }

    /** An OpenAI-type provider named {@code name} with one key "primary" of value {@code keyValue}. */
    static JsonObject provider(String name, String keyValue) {
        return created("/api/providers", it.support.Bodies.provider(name, keyValue));
    }

    /** A distinctive key value: "sk-" and 40 characters nobody else uses. */
    static String secret() {
        return "sk-" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }
}
