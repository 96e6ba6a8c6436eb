package io.iris.gateway.routing.cel;

import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CEL environment of routing rules (API.md §2): the one place that declares every variable a rule
 * may use, with its type and the value it has when the request does not supply one.
 *
 * <p>Immutable and thread-safe: the compiler and runtime are built once and shared. No method accepts
 * or returns null.
 */
public final class RoutingCelEnvironment {

    /** A variable rules may reference. */
    public record Variable(String name, CelType type, Object defaultValue) {
        public Variable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
        }

        /** The CEL spelling of the type, e.g. {@code map(string, string)}. */
        public String typeName() {
            return CelTypes.format(type);
        }
    }

    public static final String MODEL = "model";
    public static final String PROVIDER = "provider";
    public static final String REQUEST_TYPE = "request_type";
    public static final String HEADERS = "headers";
    public static final String PARAMS = "params";
    public static final String VIRTUAL_KEY_ID = "virtual_key_id";
    public static final String VIRTUAL_KEY_NAME = "virtual_key_name";
    public static final String TEAM_ID = "team_id";
    public static final String TEAM_NAME = "team_name";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String CUSTOMER_NAME = "customer_name";
    public static final String ESTIMATED_PROMPT_TOKENS = "estimated_prompt_tokens";
    public static final String MAX_TOKENS = "max_tokens";
    public static final String STREAM = "stream";
    public static final String BUDGET_USED = "budget_used";
    public static final String RATE_LIMIT_USED = "rate_limit_used";
    public static final String TOKENS_USED = "tokens_used";
    public static final String REQUESTS_USED = "requests_used";
    public static final String VK_BUDGET_USED = "vk_budget_used";
    public static final String TEAM_BUDGET_USED = "team_budget_used";
    public static final String CUSTOMER_BUDGET_USED = "customer_budget_used";

    private static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);

    private static final List<Variable> VARIABLES = List.of(
            string(MODEL), string(PROVIDER), string(REQUEST_TYPE),
            new Variable(HEADERS, STRING_MAP, Map.of()), new Variable(PARAMS, STRING_MAP, Map.of()),
            string(VIRTUAL_KEY_ID), string(VIRTUAL_KEY_NAME), string(TEAM_ID), string(TEAM_NAME),
            string(CUSTOMER_ID), string(CUSTOMER_NAME),
            new Variable(ESTIMATED_PROMPT_TOKENS, SimpleType.INT, 0L),
            new Variable(MAX_TOKENS, SimpleType.INT, 0L),
            new Variable(STREAM, SimpleType.BOOL, false),
            percent(BUDGET_USED), percent(RATE_LIMIT_USED), percent(TOKENS_USED), percent(REQUESTS_USED),
            percent(VK_BUDGET_USED), percent(TEAM_BUDGET_USED), percent(CUSTOMER_BUDGET_USED));

    private static final Map<String, Object> DEFAULTS = defaultsOf(VARIABLES);

    // REPLACE, JOIN and QUOTE are left out on purpose: chained, they grow a string exponentially, which
    // no bound on expression size catches. The rest cost at most linear time in their input.
    private static final CelStringExtensions STRING_FUNCTIONS = CelExtensions.strings(
            CelStringExtensions.Function.CHAR_AT, CelStringExtensions.Function.INDEX_OF,
            CelStringExtensions.Function.LAST_INDEX_OF, CelStringExtensions.Function.LOWER_ASCII,
            CelStringExtensions.Function.UPPER_ASCII, CelStringExtensions.Function.SUBSTRING,
            CelStringExtensions.Function.TRIM, CelStringExtensions.Function.SPLIT,
            CelStringExtensions.Function.REVERSE);

    private static final RoutingCelEnvironment STANDARD = new RoutingCelEnvironment();

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    private RoutingCelEnvironment() {
        CelOptions options = CelOptions.current()
                // users write `budget_used > 80`; without this an int literal against a double is a type error
                .enableHeterogeneousNumericComparisons(true)
                .maxExpressionCodePointSize(RuleLimits.MAX_EXPRESSION_LENGTH)
                .maxParseExpressionNodeCount(RuleLimits.MAX_AST_NODES)
                .maxParseRecursionDepth(RuleLimits.MAX_NESTING_DEPTH)
                .comprehensionMaxIterations(RuleLimits.MAX_ITERATIONS)
                .maxRegexProgramSize(RuleLimits.MAX_REGEX_PROGRAM_SIZE)
                .build();
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(STRING_FUNCTIONS);
        VARIABLES.forEach(v -> builder.addVar(v.name(), v.type()));
        this.compiler = builder.build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(STRING_FUNCTIONS)
                .build();
    }

    /** The shared environment. */
    public static RoutingCelEnvironment standard() {
        return STANDARD;
    }

    /** Every declared variable, in the order of API.md. Immutable. */
    public static List<Variable> variables() {
        return VARIABLES;
    }

    /**
     * The value of every variable when the request does not supply it: {@code ""}, {@code 0L},
     * {@code 0.0}, {@code false}, or an empty map. Immutable.
     */
    public static Map<String, Object> defaults() {
        return DEFAULTS;
    }

    CelCompiler compiler() {
        return compiler;
    }

    CelRuntime runtime() {
        return runtime;
    }

    private static Variable string(String name) {
        return new Variable(name, SimpleType.STRING, "");
    }

    private static Variable percent(String name) {
        return new Variable(name, SimpleType.DOUBLE, 0.0d);
    }

    private static Map<String, Object> defaultsOf(List<Variable> variables) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        variables.forEach(v -> defaults.put(v.name(), v.defaultValue()));
        return Collections.unmodifiableMap(defaults);
    }
}
