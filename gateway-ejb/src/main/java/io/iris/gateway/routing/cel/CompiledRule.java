package io.iris.gateway.routing.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A routing rule's expression, parsed, type-checked (its result is bool) and ready to evaluate, or the
 * empty expression, which matches everything. Made by {@link RuleCompiler}.
 *
 * <p>Immutable and thread-safe: one instance serves concurrent requests. Activations passed in are
 * read, never kept; a variable missing from an activation (or mapped to null) takes its value from
 * {@link RoutingCelEnvironment#defaults()}. Values are Java {@code String}, {@code Long} (or
 * {@code Integer}), {@code Double} (or {@code Float}), {@code Boolean} and {@code Map<String, String>}. The {@code headers} and {@code params} maps must have
 * lower-case keys: literal keys in the expression were lower-cased when it was compiled.
 */
public final class CompiledRule {

    private static final CompiledRule MATCH_ALL = new CompiledRule("", null, null, Set.of(), Set.of());

    private final String expression;
    private final CelAbstractSyntaxTree ast;
    private final CelRuntime.Program program;
    private final Set<String> headerKeys;
    private final Set<String> paramKeys;

    CompiledRule(String expression, CelAbstractSyntaxTree ast, CelRuntime.Program program,
            Set<String> headerKeys, Set<String> paramKeys) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.ast = ast;
        this.program = program;
        this.headerKeys = Set.copyOf(headerKeys);
        this.paramKeys = Set.copyOf(paramKeys);
    }

    static CompiledRule matchAll() {
        return MATCH_ALL;
    }

    /** The expression as written; {@code ""} for a rule that matches everything. */
    public String expression() {
        return expression;
    }

    /** Whether the expression was empty, so that every request matches without evaluating anything. */
    public boolean matchesEverything() {
        return program == null;
    }

    /** The checked AST, with literal header and param keys lower-cased; empty when matching everything. */
    public Optional<CelAbstractSyntaxTree> checkedAst() {
        return Optional.ofNullable(ast);
    }

    /** Header names the expression looks up by literal key, lower-cased (for the trace). Immutable. */
    public Set<String> referencedHeaderKeys() {
        return headerKeys;
    }

    /** Query parameter names the expression looks up by literal key, lower-cased. Immutable. */
    public Set<String> referencedParamKeys() {
        return paramKeys;
    }

    /**
     * Whether the request described by {@code activation} matches. A lookup of a key that is not in the
     * map ({@code headers["x-region"]} without that header) makes the rule not match rather than fail, as
     * API.md requires. cel-java reports no more than "attribute not found", so this holds for any map
     * lookup, a map literal's included ({@code {"gpt-4o": "a"}[model]}); in this environment a missing
     * key is the only way to get that error, as every variable always has a value.
     *
     * @throws RuleEvaluationException on any other evaluation error
     */
    public boolean matches(Map<String, ?> activation) {
        if (matchesEverything()) {
            return true;
        }
        try {
            Object value = program.eval(resolver(activation));
            if (value instanceof Boolean matched) {
                return matched;
            }
            throw new RuleEvaluationException("rule did not evaluate to bool but to " + value, null);
        } catch (CelEvaluationException e) {
            if (e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
                return false;
            }
            throw failure(e);
        } catch (RuntimeException e) {
            throw e instanceof RuleEvaluationException ree ? ree : failure(e);
        }
    }

    /**
     * The raw value of the expression ({@code true} when matching everything). Unlike {@link #matches},
     * a missing map key is an error here.
     *
     * @throws RuleEvaluationException when evaluation fails
     */
    public Object evaluate(Map<String, ?> activation) {
        if (matchesEverything()) {
            return Boolean.TRUE;
        }
        try {
            return program.eval(resolver(activation));
        } catch (CelEvaluationException | RuntimeException e) {
            throw failure(e);
        }
    }

    private static CelVariableResolver resolver(Map<String, ?> activation) {
        Objects.requireNonNull(activation, "activation");
        Map<String, Object> defaults = RoutingCelEnvironment.defaults();
        return name -> {
            Object value = activation.get(name);
            return Optional.ofNullable(value != null ? widened(value) : defaults.get(name));
        };
    }

    // the interpreter dispatches int and double operators on Long and Double only
    private static Object widened(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value instanceof Float f ? f.doubleValue() : value;
    }

    private static RuleEvaluationException failure(Exception e) {
        return new RuleEvaluationException("rule evaluation failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "CompiledRule[" + expression + "]";
    }
}
