package it.admin;

import static it.admin.Admin.assertProblem;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration is global and shared with every other test: each test restores what it found. Values that
 * could disturb concurrent traffic (a short chain, a tiny body limit, no VK required) are never written.
 */
class ConfigIT {
    private JsonObject original;

    @BeforeEach
    void remember() {
        Reply read = admin("GET", "/api/config");
        assertEquals(200, read.status(), read.toString());
        original = read.json();
    }

    @AfterEach
    void restore() {
        Reply restored = admin("PUT", "/api/config", original);
        assertEquals(200, restored.status(), restored.toString());
        assertEquals(original, restored.json());
    }

    private static JsonObject config() {
        return admin("GET", "/api/config").json();
    }

    private static boolean isBoolean(JsonValue value) {
        return value == JsonValue.TRUE || value == JsonValue.FALSE;
    }

    @Test
    void get_config_returnsTheSettingsWithTheirTypes() {
        Reply read = admin("GET", "/api/config");

        assertTrue(read.contentType().startsWith("application/json"), read.contentType());
        JsonObject config = read.json();
        assertTrue(isBoolean(config.get("require_virtual_key")), config.toString());
        assertTrue(isBoolean(config.get("log_request_bodies")), config.toString());
        int depth = config.getInt("routing_chain_max_depth");
        assertTrue(depth >= 1 && depth <= 100, config.toString());
        long maxBody = config.getJsonNumber("max_body_bytes").longValueExact();
        assertTrue(maxBody >= 1024 && maxBody <= 67108864L, config.toString());
        assertEquals("deny", config.getString("unpriced_models"), config.toString());
        assertEquals(JsonValue.ValueType.ARRAY, config.get("provider_hosts_allowed").getValueType());
        assertEquals(JsonValue.ValueType.ARRAY, config.get("provider_hosts_denied").getValueType());
    }

    @Test
    void update_unpricedModelsAndHostLists_roundTrip() {
        JsonObject sent = object().add("unpriced_models", "free")
                .add("provider_hosts_denied", jakarta.json.Json.createArrayBuilder().add("*.internal.example")
                        .add("203.0.113.0/24"))
                .build();

        Reply updated = admin("PUT", "/api/config", sent);

        assertEquals(200, updated.status(), updated.toString());
        assertEquals("free", config().getString("unpriced_models"));
        assertEquals(sent.get("provider_hosts_denied"), config().get("provider_hosts_denied"));
        assertEquals(original.get("provider_hosts_allowed"), config().get("provider_hosts_allowed"));
    }

    @Test
    void update_badUnpricedModelsOrHosts_returns400AndChangesNothing() {
        JsonObject[] bodies = {
            object().add("unpriced_models", "maybe").build(),
            object().add("unpriced_models", 1).build(),
            object().add("provider_hosts_allowed", "example.com").build(),
            object().add("provider_hosts_denied", jakarta.json.Json.createArrayBuilder().add("a\nb")).build(),
        };
        String[] fields = {"unpriced_models", "unpriced_models", "provider_hosts_allowed",
            "provider_hosts_denied[0]"};
        for (int i = 0; i < bodies.length; i++) {
            assertProblem(admin("PUT", "/api/config", bodies[i]), 400, fields[i]);
        }
        assertEquals(original, config());
    }

    @Test
    void update_oneField_changesOnlyItAndReturnsWholeConfig() {
        long next = original.getJsonNumber("max_body_bytes").longValue() == 20971520L ? 20971521L : 20971520L;

        Reply updated = admin("PUT", "/api/config", object().add("max_body_bytes", next).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject whole = updated.json();
        assertEquals(next, whole.getJsonNumber("max_body_bytes").longValue());
        assertEquals(original.get("require_virtual_key"), whole.get("require_virtual_key"));
        assertEquals(original.get("routing_chain_max_depth"), whole.get("routing_chain_max_depth"));
        assertEquals(original.get("log_request_bodies"), whole.get("log_request_bodies"));
        assertEquals(whole, config());
    }

    @Test
    void update_emptyObject_changesNothing() {
        Reply updated = admin("PUT", "/api/config", object().build());

        assertEquals(200, updated.status(), updated.toString());
        assertEquals(original, updated.json());
        assertEquals(original, config());
    }

    @Test
    void update_upperBounds_areAccepted() {
        Reply updated = admin("PUT", "/api/config", object().add("routing_chain_max_depth", 100)
                .add("max_body_bytes", 67108864L).build());

        assertEquals(200, updated.status(), updated.toString());
        assertEquals(100, config().getInt("routing_chain_max_depth"));
        assertEquals(67108864L, config().getJsonNumber("max_body_bytes").longValue());
    }

    @Test
    void update_outOfRange_returns400NamingTheFieldAndChangesNothing() {
        Object[][] cases = {
            {"routing_chain_max_depth", 0L}, {"routing_chain_max_depth", 101L}, {"routing_chain_max_depth", -3L},
            {"max_body_bytes", 1023L}, {"max_body_bytes", 67108865L}, {"max_body_bytes", 1073741824L}, {"max_body_bytes", 0L},
        };
        for (Object[] c : cases) {
            Reply reply = admin("PUT", "/api/config", object().add("log_request_bodies",
                    !original.getBoolean("log_request_bodies")).add((String) c[0], (Long) c[1]).build());
            assertProblem(reply, 400, (String) c[0]);
            assertEquals(original, config(), c[0] + "=" + c[1]);
        }
    }

    @Test
    void update_wrongTypes_returns400NamingTheFieldAndChangesNothing() {
        JsonObject[] bodies = {
            object().add("require_virtual_key", "yes").build(),
            object().add("log_request_bodies", 1).build(),
            object().add("routing_chain_max_depth", "10").build(),
            object().add("routing_chain_max_depth", 2.5).build(),
            object().add("max_body_bytes", "big").build(),
            object().add("max_body_bytes", 4096.5).build(),
        };
        String[] fields = {"require_virtual_key", "log_request_bodies", "routing_chain_max_depth",
            "routing_chain_max_depth", "max_body_bytes", "max_body_bytes"};
        for (int i = 0; i < bodies.length; i++) {
            assertProblem(admin("PUT", "/api/config", bodies[i]), 400, fields[i]);
        }
        assertProblem(admin("PUT", "/api/config", "{\"max_body_bytes\": 1e400}"), 400, "max_body_bytes");
        assertEquals(original, config());
    }

    @Test
    void update_malformedBody_returns400FieldBody() {
        for (String body : new String[] {"{\"log_request_bodies\": tru", "[]", "\"x\"", ""}) {
            assertProblem(admin("PUT", "/api/config", body), 400, "body");
        }
        assertEquals(original, config());
    }
}
