package io.iris.gateway.routing.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleRequirementsTest {

    private static RuleRequirements of(String expression) {
        return RuleRequirements.of(RuleCompiler.standard().compile(expression));
    }

    private static List<String> described(String expression) {
        return of(expression).requirements().stream().map(Object::toString).toList();
    }

    @Test
    void of_modelEqualsInConjunction_indexed() {
        RuleRequirements requirements = of("model == \"x\" && size(headers) > 2");

        assertEquals(List.of("model == 'x'"), described("model == \"x\" && size(headers) > 2"));
        assertFalse(requirements.coversExpression());
    }

    @Test
    void of_modelEqualsInDisjunction_notIndexed() {
        RuleRequirements requirements = of("model == \"x\" || stream");

        assertEquals(List.of(), requirements.requirements());
        assertFalse(requirements.coversExpression());
    }

    @Test
    void of_negatedComparison_notIndexed() {
        assertEquals(List.of(), described("!(model == \"x\")"));
        assertEquals(List.of(), described("!stream"));
    }

    @Test
    void of_disjunctionInsideConjunction_onlyOtherConjunctIndexed() {
        assertEquals(List.of("provider == 'p'"), described("(model == \"a\" || model == \"b\") && provider == \"p\""));
    }

    @Test
    void of_conditional_notIndexed() {
        assertEquals(List.of(), described("model == \"x\" ? stream : false"));
    }

    @Test
    void of_literalOnLeft_indexedMirrored() {
        assertEquals(List.of("model == 'x'", "budget_used > 80"), described("\"x\" == model && 80 < budget_used"));
    }

    @Test
    void of_membershipAndPrefix_indexedAndComplete() {
        RuleRequirements requirements = of("model in [\"a\", \"b\"] && provider.startsWith(\"azure\") && stream");

        assertEquals(List.of("model in ['a', 'b']", "provider.startsWith('azure')", "stream == true"),
                requirements.requirements().stream().map(Object::toString).toList());
        assertTrue(requirements.coversExpression());
    }

    @Test
    void of_membershipWithNonLiteral_notIndexed() {
        assertEquals(List.of(), described("model in [\"a\", provider]"));
    }

    @Test
    void of_headerLookups_indexedByLowerCasedKey() {
        assertEquals(List.of("headers['x-region'] == 'eu'", "params['mode'] == 'fast'"),
                described("headers[\"X-Region\"] == \"eu\" && params.Mode == \"fast\""));
    }

    @Test
    void of_presenceTestAndInequalityOnHeader_notIndexed() {
        assertEquals(List.of(), described("has(headers.foo) && headers[\"x\"] != \"y\""));
    }

    @Test
    void of_identityAndRequestType_indexed() {
        assertEquals(List.of("team_name == 'research'", "request_type != 'embedding'", "max_tokens > 4000"),
                described("team_name == \"research\" && request_type != \"embedding\" && max_tokens > 4000"));
    }

    @Test
    void of_emptyExpression_noRequirementAndMatches() {
        RuleRequirements requirements = of("");

        assertTrue(requirements.coversExpression());
        assertEquals(RuleRequirements.Kind.MATCHES, requirements.check(Map.of()).kind());
    }

    @Test
    void check_requirementFails_failsWithReason() {
        RuleRequirements.Verdict verdict = of("model == \"gpt-4o\" && size(headers) > 2").check(Map.of("model", "x"));

        assertEquals(RuleRequirements.Kind.FAILS, verdict.kind());
        assertEquals(Optional.of("model is not 'gpt-4o'"), verdict.reason());
    }

    @Test
    void check_requirementsHoldButExpressionHasMore_evaluate() {
        assertEquals(RuleRequirements.Kind.EVALUATE,
                of("model == \"x\" && size(headers) > 2").check(Map.of("model", "x")).kind());
    }

    @Test
    void check_missingHeader_evaluate() {
        assertEquals(RuleRequirements.Kind.EVALUATE, of("headers[\"x-region\"] == \"eu\"").check(Map.of()).kind());
    }

    @Test
    void check_capacityAndModel_modelTestedFirst() {
        List<String> read = new ArrayList<>();
        Map<String, Object> activation = new HashMap<>(Map.of("model", "y", "budget_used", 90.0)) {
            @Override
            public Object get(Object key) {
                read.add((String) key);
                return super.get(key);
            }
        };

        RuleRequirements.Verdict verdict = of("budget_used > 80.0 && model == \"x\"").check(activation);

        assertEquals(RuleRequirements.Kind.FAILS, verdict.kind());
        assertEquals(List.of("model"), read);
    }
}
