package it.admin;

import static it.support.Bodies.budget;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class CustomerIT {

    @Test
    void create_validCustomer_returns201WithBudgetsAndLocation() {
        String name = unique("acme");
        Reply created = admin("POST", "/api/customers", object().add("name", name)
                .add("budgets", Json.createArrayBuilder().add(budget(100, "1M")))
                .add("rate_limit", object().add("request_max_limit", 60).add("request_reset_duration", "1m"))
                .build());

        assertEquals(201, created.status(), created.toString());
        JsonObject customer = created.json();
        assertEquals(name, customer.getString("name"));
        assertTrue(created.location().endsWith("/api/customers/" + customer.getString("id")));
        JsonObject budget = customer.getJsonArray("budgets").getJsonObject(0);
        assertEquals(100, budget.getJsonNumber("max_limit").intValue());
        assertEquals("1M", budget.getString("reset_duration"));
        assertEquals(0, budget.getJsonNumber("current_usage").intValue());
        assertTrue(budget.containsKey("last_reset"));
        assertEquals(60, customer.getJsonObject("rate_limit").getInt("request_max_limit"));
        assertTrue(customer.isNull("rate_limit") || customer.getJsonObject("rate_limit").isNull("token_max_limit"));
    }

    @Test
    void crud_customer_readUpdateListDelete() {
        String id = admin("POST", "/api/customers", object().add("name", unique("crud")).build()).json()
                .getString("id");

        assertEquals(200, admin("GET", "/api/customers/" + id).status());

        String renamed = unique("renamed");
        Reply updated = admin("PUT", "/api/customers/" + id, object().add("name", renamed)
                .add("budgets", Json.createArrayBuilder().add(budget(5, "1d"))).build());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(renamed, admin("GET", "/api/customers/" + id).json().getString("name"));
        assertEquals(1, admin("GET", "/api/customers/" + id).json().getJsonArray("budgets").size());

        boolean listed = admin("GET", "/api/customers").json().getJsonArray("data").stream()
                .anyMatch(c -> c.asJsonObject().getString("id").equals(id));
        assertTrue(listed);

        assertEquals(204, admin("DELETE", "/api/customers/" + id).status());
        assertEquals(404, admin("GET", "/api/customers/" + id).status());
        assertEquals(404, admin("DELETE", "/api/customers/" + id).status());
    }

    @Test
    void update_budgetWithItsId_keepsBudgetIdentity() {
        JsonObject customer = admin("POST", "/api/customers", object().add("name", unique("keep"))
                .add("budgets", Json.createArrayBuilder().add(budget(10, "1d"))).build()).json();
        String budgetId = customer.getJsonArray("budgets").getJsonObject(0).getString("id");

        Reply updated = admin("PUT", "/api/customers/" + customer.getString("id"), object()
                .add("name", customer.getString("name"))
                .add("budgets", Json.createArrayBuilder().add(object().add("id", budgetId).add("max_limit", 20)
                        .add("reset_duration", "1w")))
                .build());

        JsonObject budget = updated.json().getJsonArray("budgets").getJsonObject(0);
        assertEquals(budgetId, budget.getString("id"));
        assertEquals(20, budget.getJsonNumber("max_limit").intValue());
        assertEquals("1w", budget.getString("reset_duration"));
    }

    @Test
    void create_duplicateName_returns409AndKeepsOne() {
        String name = unique("dup");
        assertEquals(201, admin("POST", "/api/customers", object().add("name", name).build()).status());

        Reply duplicate = admin("POST", "/api/customers", object().add("name", name).build());

        assertEquals(409, duplicate.status());
        assertEquals("name", duplicate.firstError().getString("field"));
        long count = admin("GET", "/api/customers").json().getJsonArray("data").stream()
                .filter(c -> c.asJsonObject().getString("name").equals(name)).count();
        assertEquals(1, count);
    }

    @Test
    void create_sqlLookingAndUnicodeNames_storedVerbatim() {
        for (String name : new String[] {unique("Robert'); DROP TABLE customers;--"), unique("顧客 ünïcødé 🚀")}) {
            Reply created = admin("POST", "/api/customers", object().add("name", name).build());
            assertEquals(201, created.status(), created.toString());
            String id = created.json().getString("id");
            assertEquals(name, admin("GET", "/api/customers/" + id).json().getString("name"));
        }
    }

    @Test
    void delete_customerWithTeam_returns409AndKeepsCustomer() {
        String id = admin("POST", "/api/customers", object().add("name", unique("parent")).build()).json()
                .getString("id");
        admin("POST", "/api/teams", object().add("name", unique("child")).add("customer_id", id).build());

        Reply deleted = admin("DELETE", "/api/customers/" + id);

        assertEquals(409, deleted.status());
        assertEquals(200, admin("GET", "/api/customers/" + id).status());
    }
}
