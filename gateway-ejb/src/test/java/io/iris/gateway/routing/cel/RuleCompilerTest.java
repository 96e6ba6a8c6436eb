package io.iris.gateway.routing.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleCompilerTest {

    private final RuleCompiler compiler = RuleCompiler.standard();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void compile_nullOrBlank_matchesEverything(String expression) {
        CompiledRule rule = compiler.compile(expression);

        assertTrue(rule.matchesEverything());
        assertTrue(rule.checkedAst().isEmpty());
        assertTrue(rule.referencedHeaderKeys().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "provider", "request_type", "virtual_key_id", "virtual_key_name",
            "team_id", "team_name", "customer_id", "customer_name"})
    void compile_stringVariable_compiles(String name) {
        assertCompiles(name + " == \"x\" || " + name + ".startsWith(\"gpt\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"budget_used", "rate_limit_used", "tokens_used", "requests_used",
            "vk_budget_used", "team_budget_used", "customer_budget_used"})
    void compile_doubleVariable_compilesAgainstDoubleAndIntLiterals(String name) {
        assertCompiles(name + " > 80.0");
        assertCompiles(name + " > 80");
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_tokens > 1000", "estimated_prompt_tokens >= 100000", "stream",
            "!stream && request_type == \"chat\"", "headers[\"x-region\"] == \"eu\"",
            "params.mode == \"fast\"", "\"x-team\" in headers", "has(params.debug)",
            "headers.exists(k, k.startsWith(\"x-\"))", "model.lowerAscii().matches(\"^gpt-4o.*\")",
            "size(headers) > 3 && model in [\"gpt-4o\", \"gpt-4o-mini\"]"})
    void compile_validExpression_compiles(String expression) {
        assertCompiles(expression);
    }

    @Test
    void compile_doubleEqualsIntLiteral_throwsTypeError() {
        // heterogeneous numeric support in CEL covers ordering only; equality needs 80.0
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> compiler.compile("budget_used == 80"));

        assertTrue(e.getMessage().contains("applied to '(double, int)'"), e.getMessage());
        assertTrue(compiler.compile("budget_used == 80.0").matches(java.util.Map.of("budget_used", 80.0)));
    }

    @Test
    void compile_syntaxError_throwsWithPosition() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile("model =="));

        assertTrue(e.getMessage().startsWith("ERROR: <input>:1:9: "), e.getMessage());
        assertEquals(1, e.issues().get(0).line());
        assertEquals(9, e.issues().get(0).column());
    }

    @Test
    void compile_unknownVariable_throwsWithPosition() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> compiler.compile("model == \"a\" && foo"));

        assertTrue(e.getMessage().contains("<input>:1:17: undeclared reference to 'foo'"), e.getMessage());
        assertEquals(new RuleCompilationException.Issue("undeclared reference to 'foo' (in container '')", 1, 17),
                e.issues().get(0));
    }

    @Test
    void compile_errorOnSecondLine_reportsLine() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> compiler.compile("model == \"a\"\n  && bar"));

        assertEquals(2, e.issues().get(0).line());
        assertEquals(6, e.issues().get(0).column());
    }

    @ParameterizedTest
    @ValueSource(strings = {"model > 1", "max_tokens == \"a\"", "headers[1] == \"a\"", "stream + 1 == 2"})
    void compile_wrongTypes_throwsNoMatchingOverload(String expression) {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(expression));

        assertTrue(e.getMessage().contains("found no matching overload"), e.getMessage());
    }

    @Test
    void compile_stringResult_throwsNotBool() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile("model"));

        assertTrue(e.getMessage().startsWith(
                "ERROR: <input>:1:1: expression must evaluate to bool, but has type string"), e.getMessage());
    }

    @Test
    void compile_intResult_throwsNotBoolWithType() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile("1 + 2"));

        assertTrue(e.getMessage().contains("expression must evaluate to bool, but has type int"), e.getMessage());
    }

    @Test
    void compile_mapResult_throwsNotBoolWithMapType() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile("headers"));

        assertTrue(e.getMessage().contains("but has type map(string, string)"), e.getMessage());
    }

    @Test
    void compile_overLengthLimit_throws() {
        String expression = "model == \"" + "a".repeat(RuleLimits.MAX_EXPRESSION_LENGTH) + "\"";

        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(expression));

        assertTrue(e.getMessage().contains("over the limit of 4096"), e.getMessage());
    }

    @Test
    void compile_overNodeLimit_throws() {
        String expression = "model == 'a'" + " || model == 'a'".repeat(200);

        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(expression));

        assertTrue(e.getMessage().contains("expression node limit (500) exceeded"), e.getMessage());
    }

    @Test
    void compile_overNestingLimit_throws() {
        String expression = "(".repeat(RuleLimits.MAX_NESTING_DEPTH + 1) + "stream"
                + ")".repeat(RuleLimits.MAX_NESTING_DEPTH + 1);

        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(expression));

        assertTrue(e.getMessage().contains("recursion limit exceeded"), e.getMessage());
    }

    @Test
    void compile_threeNestedComprehensions_throwsWithPosition() {
        String expression = "headers.exists(a, headers.exists(b, headers.exists(c, a == b && b == c)))";

        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(expression));

        assertTrue(e.getMessage().contains("comprehensions are nested 3 deep, over the limit of 2"), e.getMessage());
        assertEquals(1, e.issues().get(0).line());
        assertTrue(e.issues().get(0).column() > 1);
    }

    @Test
    void compile_twoNestedAndSequentialComprehensions_compile() {
        assertCompiles("headers.exists(a, params.exists(b, a == b))");
        assertCompiles("headers.exists(a, a == 'x') && params.all(b, b != 'y') && headers.exists(c, c == 'z')");
        // a comprehension over another's result is sequential, not nested
        assertCompiles("headers.filter(a, a != '').map(b, b + '!').exists(c, params.exists(d, c == d))");
    }

    @Test
    void compile_amplifyingStringFunction_throwsUndeclared() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> compiler.compile("model.replace(\"a\", \"aa\") == \"x\""));

        assertTrue(e.getMessage().contains("undeclared reference to 'replace'"), e.getMessage());
    }

    @Test
    void compile_literalKeysInAnyCase_reportedLowerCased() {
        CompiledRule rule = compiler.compile("headers[\"X-Region\"] == \"eu\" && has(headers.Foo) "
                + "&& \"X-Tenant\" in headers && params[\"Mode\"] == \"Fast\" && params.Debug == \"1\"");

        assertEquals(Set.of("x-region", "foo", "x-tenant"), rule.referencedHeaderKeys());
        assertEquals(Set.of("mode", "debug"), rule.referencedParamKeys());
    }

    @Test
    void compile_computedKeyAndComparedValue_notReported() {
        CompiledRule rule = compiler.compile("headers[model] == \"X\" && headers.exists(k, k == \"X-A\")");

        assertTrue(rule.referencedHeaderKeys().isEmpty());
    }

    @Test
    void compile_comprehensionVariableShadowsHeaders_notRewritten() {
        CompiledRule rule = compiler.compile("{\"K\": \"v\"}.exists(headers, headers == \"K\")");

        assertTrue(rule.referencedHeaderKeys().isEmpty());
        assertTrue(rule.matches(java.util.Map.of()));
    }

    @Test
    void compile_validExpression_keepsSourceAndAst() {
        CompiledRule rule = compiler.compile("stream");

        assertFalse(rule.matchesEverything());
        assertEquals("stream", rule.expression());
        assertTrue(rule.checkedAst().orElseThrow().isChecked());
    }

    private void assertCompiles(String expression) {
        CompiledRule rule = compiler.compile(expression);
        assertFalse(rule.matchesEverything(), expression);
    }
}
