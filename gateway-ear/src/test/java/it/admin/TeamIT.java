package it.admin;

import static it.admin.Admin.assertProblem;
import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.customer;
import static it.admin.Admin.listed;
import static it.admin.Admin.randomId;
import static it.admin.Admin.team;
import static it.support.Bodies.array;
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

class TeamIT {

    @Test
    void create_teamOfCustomerWithLimits_returns201WithLocationAndView() {
        String customerId = customer();
        String name = unique("team");

        Reply created = admin("POST", "/api/teams", object().add("name", name).add("customer_id", customerId)
                .add("budgets", Json.createArrayBuilder().add(budget(50.5, "1w")))
                .add("rate_limit", object().add("token_max_limit", 1000).add("token_reset_duration", "1h"))
                .build());

        assertEquals(201, created.status(), created.toString());
        JsonObject team = created.json();
        assertEquals(name, team.getString("name"));
        assertEquals(customerId, team.getString("customer_id"));
        assertTrue(created.location().endsWith("/api/teams/" + team.getString("id")), created.location());
        JsonObject budget = team.getJsonArray("budgets").getJsonObject(0);
        assertEquals(50.5, budget.getJsonNumber("max_limit").doubleValue());
        assertEquals("1w", budget.getString("reset_duration"));
        assertEquals(0, budget.getJsonNumber("current_usage").doubleValue());
        assertEquals(1000, team.getJsonObject("rate_limit").getInt("token_max_limit"));
        assertEquals("1h", team.getJsonObject("rate_limit").getString("token_reset_duration"));
        assertTrue(team.containsKey("created_at") && team.containsKey("updated_at"));
    }

    @Test
    void create_teamWithoutCustomer_returns201WithNullCustomer() {
        Reply created = admin("POST", "/api/teams", object().add("name", unique("solo")).build());

        assertEquals(201, created.status(), created.toString());
        assertTrue(created.json().isNull("customer_id"));
        assertEquals(0, created.json().getJsonArray("budgets").size());
        assertTrue(created.json().isNull("rate_limit"));
    }

    @Test
    void crud_team_readUpdateListDelete() {
        String id = team(null);
        assertEquals(200, admin("GET", "/api/teams/" + id).status());

        String renamed = unique("renamed");
        String customerId = customer();
        Reply updated = admin("PUT", "/api/teams/" + id, object().add("name", renamed)
                .add("customer_id", customerId).build());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(renamed, updated.json().getString("name"));
        JsonObject read = admin("GET", "/api/teams/" + id).json();
        assertEquals(renamed, read.getString("name"));
        assertEquals(customerId, read.getString("customer_id"));
        assertTrue(listed("/api/teams", "id", id));

        assertEquals(204, admin("DELETE", "/api/teams/" + id).status());
        assertEquals(404, admin("GET", "/api/teams/" + id).status());
        assertEquals(404, admin("DELETE", "/api/teams/" + id).status());
        assertFalse(listed("/api/teams", "id", id));
    }

    @Test
    void update_onlyName_replacesWholeTeamWithDefaults() {
        JsonObject team = Admin.created("/api/teams", object().add("name", unique("full"))
                .add("customer_id", customer())
                .add("budgets", Json.createArrayBuilder().add(budget(10, "1d")))
                .add("rate_limit", object().add("request_max_limit", 5).add("request_reset_duration", "1m"))
                .build());

        Reply updated = admin("PUT", "/api/teams/" + team.getString("id"),
                object().add("name", team.getString("name")).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject read = admin("GET", "/api/teams/" + team.getString("id")).json();
        assertTrue(read.isNull("customer_id"), read.toString());
        assertEquals(0, read.getJsonArray("budgets").size(), read.toString());
        assertTrue(read.isNull("rate_limit"), read.toString());
    }

    @Test
    void create_unknownCustomer_returns400FieldCustomerIdAndStoresNothing() {
        String name = unique("orphan");

        Reply rejected = admin("POST", "/api/teams", object().add("name", name).add("customer_id", randomId())
                .build());

        assertProblem(rejected, 400, "customer_id");
        assertFalse(listed("/api/teams", "name", name));
    }

    @Test
    void create_malformedCustomerId_returns400FieldCustomerId() {
        String name = unique("badref");

        Reply rejected = admin("POST", "/api/teams", object().add("name", name).add("customer_id", "not-a-uuid")
                .build());

        assertProblem(rejected, 400, "customer_id");
        assertFalse(listed("/api/teams", "name", name));
    }

    @Test
    void update_unknownCustomer_returns400AndKeepsTeam() {
        String customerId = customer();
        String id = team(customerId);
        String before = admin("GET", "/api/teams/" + id).json().getString("name");

        Reply rejected = admin("PUT", "/api/teams/" + id, object().add("name", unique("moved"))
                .add("customer_id", randomId()).build());

        assertProblem(rejected, 400, "customer_id");
        JsonObject read = admin("GET", "/api/teams/" + id).json();
        assertEquals(before, read.getString("name"));
        assertEquals(customerId, read.getString("customer_id"));
    }

    @Test
    void create_duplicateName_returns409FieldNameAndKeepsOne() {
        String name = unique("twin");
        assertEquals(201, admin("POST", "/api/teams", object().add("name", name).build()).status());

        Reply duplicate = admin("POST", "/api/teams", object().add("name", name).build());

        assertProblem(duplicate, 409, "name");
        long count = admin("GET", "/api/teams").json().getJsonArray("data").stream()
                .filter(t -> t.asJsonObject().getString("name").equals(name)).count();
        assertEquals(1, count);
    }

    @Test
    void update_nameOfAnotherTeam_returns409AndKeepsName() {
        String taken = unique("taken");
        Admin.created("/api/teams", object().add("name", taken).build());
        JsonObject other = Admin.created("/api/teams", object().add("name", unique("other")).build());

        Reply rejected = admin("PUT", "/api/teams/" + other.getString("id"), object().add("name", taken).build());

        assertProblem(rejected, 409, "name");
        assertEquals(other.getString("name"),
                admin("GET", "/api/teams/" + other.getString("id")).json().getString("name"));
    }

    @Test
    void readUpdateDelete_unknownOrMalformedId_returns404() {
        for (String id : new String[] {randomId(), "not-a-uuid"}) {
            assertProblemShape(admin("GET", "/api/teams/" + id), 404);
            assertProblemShape(admin("PUT", "/api/teams/" + id, object().add("name", unique("ghost")).build()),
                    404);
            assertProblemShape(admin("DELETE", "/api/teams/" + id), 404);
        }
    }

    @Test
    void delete_teamUsedByVirtualKey_returns409AndKeepsTeam() {
        String id = team(null);
        String vk = Admin.created("/api/virtual-keys", object().add("name", unique("vk")).add("team_id", id)
                .build()).getString("id");

        Reply rejected = admin("DELETE", "/api/teams/" + id);

        assertProblemShape(rejected, 409);
        assertEquals(200, admin("GET", "/api/teams/" + id).status());
        assertEquals(204, admin("DELETE", "/api/virtual-keys/" + vk).status());
        assertEquals(204, admin("DELETE", "/api/teams/" + id).status());
    }

    @Test
    void delete_teamUsedByTeamScopedRule_returns409AndKeepsTeam() {
        String id = team(null);
        String rule = Admin.created("/api/routing/rules", object().add("name", unique("team-rule"))
                .add("scope", "team").add("scope_id", id)
                .add("targets", array(object().add("model", "gpt-4o-mini").add("weight", 1)))
                .build()).getString("id");

        Reply rejected = admin("DELETE", "/api/teams/" + id);

        assertProblemShape(rejected, 409);
        assertEquals(200, admin("GET", "/api/teams/" + id).status());
        assertEquals(204, admin("DELETE", "/api/routing/rules/" + rule).status());
        assertEquals(204, admin("DELETE", "/api/teams/" + id).status());
    }
}
