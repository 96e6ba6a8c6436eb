package io.iris.gateway.routing.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiles routing rule expressions: parses, type-checks against {@link RoutingCelEnvironment}, checks
 * the result is bool and the expression is within {@link RuleLimits}, lower-cases literal header and
 * param keys, and plans the program. The admin API calls it before storing a rule, and the routing
 * engine calls it when it builds its snapshot, so a stored rule always compiles.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleCompiler {

    private static final RuleCompiler STANDARD = new RuleCompiler(RoutingCelEnvironment.standard());

    private final RoutingCelEnvironment environment;

    public RuleCompiler(RoutingCelEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The compiler over {@link RoutingCelEnvironment#standard()}. */
    public static RuleCompiler standard() {
        return STANDARD;
    }

    /**
     * Compiles {@code expression}; null or blank gives a rule that matches everything.
     *
     * @throws RuleCompilationException when the expression is invalid or over a limit; its message is
     *     the compiler's, with line and column
     */
    public CompiledRule compile(String expression) {
        if (expression == null || expression.isBlank()) {
            return CompiledRule.matchAll();
        }
        int length = expression.codePointCount(0, expression.length());
        if (length > RuleLimits.MAX_EXPRESSION_LENGTH) {
            String message = "expression has " + length + " characters, over the limit of "
                    + RuleLimits.MAX_EXPRESSION_LENGTH;
            throw new RuleCompilationException("ERROR: <input>: " + message,
                    List.of(new RuleCompilationException.Issue(message, 0, 0)));
        }
        CelValidationResult result = environment.compiler().compile(expression);
        if (result.hasError()) {
            throw rejected(result.getErrorString(), result.getErrors());
        }
        CelAbstractSyntaxTree checked = checkedAst(result);
        if (!SimpleType.BOOL.equals(checked.getResultType())) {
            throw rejectedAt(checked, checked.getExpr().id(), "expression must evaluate to bool, but has type "
                    + CelTypes.format(checked.getResultType()));
        }
        RuleAstRewriter.Result rewritten = RuleAstRewriter.rewrite(checked);
        if (rewritten.comprehensionNesting() > RuleLimits.MAX_COMPREHENSION_NESTING) {
            throw rejectedAt(checked, rewritten.deepestComprehensionId(), "comprehensions are nested "
                    + rewritten.comprehensionNesting() + " deep, over the limit of "
                    + RuleLimits.MAX_COMPREHENSION_NESTING);
        }
        return new CompiledRule(expression, rewritten.ast(), program(rewritten.ast()),
                rewritten.headerKeys(), rewritten.paramKeys());
    }

    private static CelAbstractSyntaxTree checkedAst(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw rejected(e.getMessage(), e.getErrors());
        }
    }

    private CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return environment.runtime().createProgram(ast);
        } catch (CelEvaluationException e) {
            // the checker accepted it, so this is a gap between the compiler and runtime setup, not the rule
            throw new IllegalStateException("checked rule could not be planned: " + e.getMessage(), e);
        }
    }

    private static RuleCompilationException rejected(String message, List<CelIssue> errors) {
        List<RuleCompilationException.Issue> issues = errors.stream().map(RuleCompiler::issue).toList();
        return new RuleCompilationException(message, issues);
    }

    /** An error of ours, positioned at the expression {@code exprId} and rendered in CEL's format. */
    private static RuleCompilationException rejectedAt(CelAbstractSyntaxTree ast, long exprId, String message) {
        CelSource source = ast.getSource();
        CelSourceLocation location = Optional.ofNullable(source.getPositionsMap().get(exprId))
                .flatMap(source::getOffsetLocation)
                .orElse(CelSourceLocation.of(1, 0));
        CelIssue error = CelIssue.formatError(location, message);
        return rejected(CelIssue.toDisplayString(List.of(error), source), List.of(error));
    }

    private static RuleCompilationException.Issue issue(CelIssue celIssue) {
        CelSourceLocation location = celIssue.getSourceLocation();
        boolean positioned = location.getLine() > 0 && location.getColumn() >= 0;
        return new RuleCompilationException.Issue(celIssue.getMessage(),
                positioned ? location.getLine() : 0, positioned ? location.getColumn() + 1 : 0);
    }
}
