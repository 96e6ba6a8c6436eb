package io.iris.gateway.routing.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingCelEnvironmentTest {

    @Test
    void variables_declared_matchApiContract() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String name : new String[] {"model", "provider", "request_type"}) {
            expected.put(name, "string");
        }
        expected.put("headers", "map(string, string)");
        expected.put("params", "map(string, string)");
        for (String name : new String[] {"virtual_key_id", "virtual_key_name", "team_id", "team_name",
                "customer_id", "customer_name"}) {
            expected.put(name, "string");
        }
        expected.put("estimated_prompt_tokens", "int");
        expected.put("max_tokens", "int");
        expected.put("stream", "bool");
        for (String name : new String[] {"budget_used", "rate_limit_used", "tokens_used", "requests_used",
                "vk_budget_used", "team_budget_used", "customer_budget_used"}) {
            expected.put(name, "double");
        }

        Map<String, String> actual = new LinkedHashMap<>();
        RoutingCelEnvironment.variables().forEach(v -> actual.put(v.name(), v.typeName()));

        assertEquals(expected, actual);
    }

    @Test
    void defaults_everyVariable_hasZeroValueOfItsType() {
        Map<String, Object> defaults = RoutingCelEnvironment.defaults();

        assertEquals(RoutingCelEnvironment.variables().size(), defaults.size());
        assertEquals("", defaults.get("model"));
        assertEquals(Map.of(), defaults.get("headers"));
        assertEquals(0L, defaults.get("max_tokens"));
        assertEquals(false, defaults.get("stream"));
        assertEquals(0.0d, defaults.get("budget_used"));
    }

    @Test
    void defaults_modified_throws() {
        assertThrows(UnsupportedOperationException.class,
                () -> RoutingCelEnvironment.defaults().put("model", "x"));
        assertThrows(UnsupportedOperationException.class, () -> RoutingCelEnvironment.variables().clear());
    }

    @Test
    void defaults_evaluatedByEveryVariable_allZero() {
        StringBuilder expression = new StringBuilder("true");
        RoutingCelEnvironment.variables().forEach(v -> expression.append(" && ").append(switch (v.typeName()) {
            case "string" -> v.name() + " == \"\"";
            case "int" -> v.name() + " == 0";
            case "double" -> v.name() + " == 0.0";
            case "bool" -> "!" + v.name();
            default -> "size(" + v.name() + ") == 0";
        }));

        assertTrue(RuleCompiler.standard().compile(expression.toString()).matches(Map.of()));
    }
}
