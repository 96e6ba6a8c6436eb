package it.admin;

import static it.admin.Admin.assertProblem;
import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.listed;
import static it.admin.Admin.randomId;
import static it.support.Bodies.object;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricingIT {

    private static JsonObject price(String provider, String model, String input, String output) {
        return object().add("provider", provider).add("model", model)
                .add("input_per_million", new BigDecimal(input)).add("output_per_million", new BigDecimal(output))
                .build();
    }

    private static long countOf(String provider, String model) {
        return admin("GET", "/api/pricing").json().getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("provider").equals(provider) && p.getString("model").equals(model))
                .count();
    }

    @Test
    void create_validPrice_returns201WithExactAmounts() {
        String provider = unique("pp");

        Reply created = admin("POST", "/api/pricing", price(provider, "gpt-4o", "2.50", "10.125"));

        assertEquals(201, created.status(), created.toString());
        JsonObject price = created.json();
        assertTrue(created.location().endsWith("/api/pricing/" + price.getString("id")), created.location());
        assertEquals(provider, price.getString("provider"));
        assertEquals("gpt-4o", price.getString("model"));
        assertEquals(0, new BigDecimal("2.5").compareTo(price.getJsonNumber("input_per_million").bigDecimalValue()));
        assertEquals(0, new BigDecimal("10.125").compareTo(price.getJsonNumber("output_per_million")
                .bigDecimalValue()));
    }

    @Test
    void create_zeroPrice_isAccepted() {
        Reply created = admin("POST", "/api/pricing", price(unique("free"), "llama3", "0", "0"));

        assertEquals(201, created.status(), created.toString());
        assertEquals(0, created.json().getJsonNumber("input_per_million").bigDecimalValue().signum());
    }

    @Test
    void crud_price_readUpdateListDelete() {
        String provider = unique("pp");
        String id = Admin.created("/api/pricing", price(provider, "gpt-4o", "1", "2")).getString("id");
        String path = "/api/pricing/" + id;
        assertEquals(provider, admin("GET", path).json().getString("provider"));
        assertTrue(listed("/api/pricing", "id", id));

        Reply updated = admin("PUT", path, price(provider, "gpt-4o", "3", "4"));

        assertEquals(200, updated.status(), updated.toString());
        JsonObject read = admin("GET", path).json();
        assertEquals(3, read.getJsonNumber("input_per_million").intValue());
        assertEquals(4, read.getJsonNumber("output_per_million").intValue());
        assertEquals(204, admin("DELETE", path).status());
        assertProblemShape(admin("GET", path), 404);
        assertProblemShape(admin("DELETE", path), 404);
        assertEquals(0, countOf(provider, "gpt-4o"));
    }

    @Test
    void create_duplicateProviderAndModel_returns409AndKeepsOne() {
        String provider = unique("pp");
        Admin.created("/api/pricing", price(provider, "gpt-4o", "1", "2"));

        Reply duplicate = admin("POST", "/api/pricing", price(provider, "gpt-4o", "5", "6"));

        assertProblemShape(duplicate, 409);
        assertEquals(1, countOf(provider, "gpt-4o"));
        assertEquals(201, admin("POST", "/api/pricing", price(provider, "gpt-4o-mini", "5", "6")).status());
    }

    @Test
    void update_toExistingProviderAndModel_returns409AndKeepsPrice() {
        String provider = unique("pp");
        Admin.created("/api/pricing", price(provider, "gpt-4o", "1", "2"));
        String other = Admin.created("/api/pricing", price(provider, "o3", "7", "8")).getString("id");

        Reply rejected = admin("PUT", "/api/pricing/" + other, price(provider, "gpt-4o", "9", "9"));

        assertProblemShape(rejected, 409);
        JsonObject read = admin("GET", "/api/pricing/" + other).json();
        assertEquals("o3", read.getString("model"));
        assertEquals(7, read.getJsonNumber("input_per_million").intValue());
    }

    @Test
    void create_negativeOrMissingAmounts_returns400NamingTheFieldAndStoresNothing() {
        String provider = unique("pp");

        assertProblem(admin("POST", "/api/pricing", price(provider, "m", "-0.01", "1")), 400, "input_per_million");
        assertProblem(admin("POST", "/api/pricing", price(provider, "m", "1", "-5")), 400, "output_per_million");
        assertProblem(admin("POST", "/api/pricing", object().add("provider", provider).add("model", "m")
                .add("output_per_million", 1).build()), 400, "input_per_million");
        assertProblem(admin("POST", "/api/pricing", object().add("provider", provider).add("model", "m")
                .add("input_per_million", "1").add("output_per_million", 1).build()), 400, "input_per_million");
        assertEquals(0, countOf(provider, "m"));
    }

    @Test
    void create_missingProviderOrModel_returns400NamingIt() {
        String provider = unique("pp");

        assertProblem(admin("POST", "/api/pricing", object().add("model", "m").add("input_per_million", 1)
                .add("output_per_million", 1).build()), 400, "provider");
        assertProblem(admin("POST", "/api/pricing", object().add("provider", provider).add("input_per_million", 1)
                .add("output_per_million", 1).build()), 400, "model");
        assertEquals(0, admin("GET", "/api/pricing").json().getJsonArray("data").stream()
                .filter(p -> p.asJsonObject().getString("provider").equals(provider)).count());
    }

    @Test
    void update_invalidAmount_returns400AndKeepsPrice() {
        String provider = unique("pp");
        String id = Admin.created("/api/pricing", price(provider, "gpt-4o", "1", "2")).getString("id");

        assertProblem(admin("PUT", "/api/pricing/" + id, price(provider, "gpt-4o", "-1", "9")), 400,
                "input_per_million");

        JsonObject read = admin("GET", "/api/pricing/" + id).json();
        assertEquals(1, read.getJsonNumber("input_per_million").intValue());
        assertEquals(2, read.getJsonNumber("output_per_million").intValue());
    }

    @Test
    void readUpdateDelete_unknownOrMalformedId_returns404() {
        for (String id : new String[] {randomId(), "abc"}) {
            assertProblemShape(admin("GET", "/api/pricing/" + id), 404);
            assertProblemShape(admin("PUT", "/api/pricing/" + id, price(unique("pp"), "m", "1", "1")), 404);
            assertProblemShape(admin("DELETE", "/api/pricing/" + id), 404);
        }
    }
}
