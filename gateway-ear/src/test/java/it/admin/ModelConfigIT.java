package it.admin;

import static it.admin.Admin.assertProblem;
import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.listed;
import static it.admin.Admin.provider;
import static it.admin.Admin.randomId;
import static it.admin.Admin.secret;
import static it.support.Bodies.budget;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ModelConfigIT {
    /** A model no other test asks for: model-only configs apply to every request for their model. */
    private static final String MODEL = unique("it-model");


    @Test
    void create_modelOfProviderWithLimits_returns201WithView() {
        String providerName = unique("mcp");
        provider(providerName, secret());
        String name = unique("mc");

        Reply created = admin("POST", "/api/model-configs", object().add("name", name).add("model", MODEL)
                .add("provider", providerName)
                .add("budgets", Json.createArrayBuilder().add(budget(200, "1M")))
                .add("rate_limit", object().add("request_max_limit", 100).add("request_reset_duration", "1m")
                        .add("token_max_limit", 10000).add("token_reset_duration", "1h"))
                .build());

        assertEquals(201, created.status(), created.toString());
        JsonObject config = created.json();
        assertTrue(created.location().endsWith("/api/model-configs/" + config.getString("id")), created.location());
        assertEquals(name, config.getString("name"));
        assertEquals(MODEL, config.getString("model"));
        assertEquals(providerName, config.getString("provider"));
        assertEquals(200, config.getJsonArray("budgets").getJsonObject(0).getJsonNumber("max_limit").intValue());
        JsonObject rateLimit = config.getJsonObject("rate_limit");
        assertEquals(100, rateLimit.getInt("request_max_limit"));
        assertEquals("1m", rateLimit.getString("request_reset_duration"));
        assertEquals(10000, rateLimit.getInt("token_max_limit"));
        assertEquals("1h", rateLimit.getString("token_reset_duration"));
    }

    @Test
    void create_withoutProvider_appliesToAnyProvider() {
        Reply created = admin("POST", "/api/model-configs", object().add("name", unique("any"))
                .add("model", "claude-sonnet-4").build());

        assertEquals(201, created.status(), created.toString());
        assertTrue(created.json().isNull("provider"));
        assertEquals(0, created.json().getJsonArray("budgets").size());
        assertTrue(created.json().isNull("rate_limit"));
    }

    @Test
    void crud_modelConfig_readUpdateListDelete() {
        String providerName = unique("mcp");
        provider(providerName, secret());
        JsonObject config = Admin.created("/api/model-configs", object().add("name", unique("mc"))
                .add("model", MODEL).add("provider", providerName)
                .add("budgets", Json.createArrayBuilder().add(budget(5, "1d"))).build());
        String path = "/api/model-configs/" + config.getString("id");
        assertEquals(config.getString("name"), admin("GET", path).json().getString("name"));
        assertTrue(listed("/api/model-configs", "id", config.getString("id")));

        Reply updated = admin("PUT", path, object().add("name", config.getString("name")).add("model", "gpt-4o-mini")
                .build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject read = admin("GET", path).json();
        assertEquals("gpt-4o-mini", read.getString("model"));
        assertTrue(read.isNull("provider"), read.toString());
        assertEquals(0, read.getJsonArray("budgets").size(), read.toString());
        assertEquals(204, admin("DELETE", path).status());
        assertProblemShape(admin("GET", path), 404);
        assertProblemShape(admin("DELETE", path), 404);
        assertFalse(listed("/api/model-configs", "id", config.getString("id")));
    }

    @Test
    void create_withoutModel_returns400FieldModelAndStoresNothing() {
        String name = unique("nomodel");

        assertProblem(admin("POST", "/api/model-configs", object().add("name", name).build()), 400, "model");
        assertProblem(admin("POST", "/api/model-configs", object().add("name", name).add("model", "").build()),
                400, "model");
        assertFalse(listed("/api/model-configs", "name", name));
    }

    @Test
    void create_unknownProvider_returns400FieldProviderAndStoresNothing() {
        String name = unique("noprov");

        Reply rejected = admin("POST", "/api/model-configs", object().add("name", name).add("model", MODEL)
                .add("provider", unique("missing")).build());

        assertProblem(rejected, 400, "provider");
        assertFalse(listed("/api/model-configs", "name", name));
    }

    @Test
    void update_invalidBudget_returns400AndKeepsConfig() {
        JsonObject config = Admin.created("/api/model-configs", object().add("name", unique("mc"))
                .add("model", MODEL).add("budgets", Json.createArrayBuilder().add(budget(5, "1d"))).build());
        String path = "/api/model-configs/" + config.getString("id");

        Reply rejected = admin("PUT", path, object().add("name", config.getString("name")).add("model", "o3")
                .add("budgets", Json.createArrayBuilder().add(budget(-1, "1d"))).build());

        assertProblem(rejected, 400, "budgets[0].max_limit");
        JsonObject read = admin("GET", path).json();
        assertEquals(MODEL, read.getString("model"));
        assertEquals(5, read.getJsonArray("budgets").getJsonObject(0).getJsonNumber("max_limit").intValue());
    }

    @Test
    void create_duplicateName_returns409FieldName() {
        String name = unique("mcdup");
        Admin.created("/api/model-configs", object().add("name", name).add("model", MODEL).build());

        Reply duplicate = admin("POST", "/api/model-configs", object().add("name", name).add("model", "o3").build());

        assertProblem(duplicate, 409, "name");
        long count = admin("GET", "/api/model-configs").json().getJsonArray("data").stream()
                .filter(c -> c.asJsonObject().getString("name").equals(name)).count();
        assertEquals(1, count);
    }

    @Test
    void readUpdateDelete_unknownOrMalformedId_returns404() {
        for (String id : new String[] {randomId(), "12345"}) {
            assertProblemShape(admin("GET", "/api/model-configs/" + id), 404);
            assertProblemShape(admin("PUT", "/api/model-configs/" + id, object().add("name", unique("x"))
                    .add("model", MODEL).build()), 404);
            assertProblemShape(admin("DELETE", "/api/model-configs/" + id), 404);
        }
    }
}
