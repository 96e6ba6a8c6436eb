package io.iris.gateway.routing.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.ast.CelMutableExpr;
import dev.cel.common.ast.CelMutableExprConverter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One walk over a type-checked rule that lower-cases the literal keys used on {@code headers} and
 * {@code params} ({@code headers["X-Region"]}, {@code headers.Foo}, {@code has(headers.Foo)},
 * {@code "X-Region" in headers}), records them, and measures how deeply comprehensions nest.
 *
 * <p>The rewrite is done on the checked AST, keeping its source, types and references (it only changes
 * string values, never types), so compiler positions stay exact. Keys computed at run time (e.g.
 * {@code headers[model]}) are not rewritten: they must already be lower case. A comprehension variable
 * that shadows {@code headers} or {@code params} is not mistaken for them. Not thread-safe; use once.
 */
final class RuleAstRewriter {

    private final Set<String> headerKeys = new TreeSet<>();
    private final Set<String> paramKeys = new TreeSet<>();
    private final Map<String, Integer> shadowed = new HashMap<>();
    private int deepestNesting;
    private long deepestComprehensionId;

    /** The outcome of {@link #rewrite}. */
    record Result(CelAbstractSyntaxTree ast, Set<String> headerKeys, Set<String> paramKeys,
            int comprehensionNesting, long deepestComprehensionId) {
    }

    static Result rewrite(CelAbstractSyntaxTree checked) {
        RuleAstRewriter rewriter = new RuleAstRewriter();
        CelMutableExpr root = CelMutableExprConverter.fromCelExpr(checked.getExpr());
        rewriter.visit(root, 0);
        CelAbstractSyntaxTree rewritten = CelAbstractSyntaxTree.newCheckedAst(
                CelMutableExprConverter.fromMutableExpr(root), checked.getSource(),
                checked.getReferenceMap(), checked.getTypeMap());
        return new Result(rewritten, Collections.unmodifiableSet(rewriter.headerKeys),
                Collections.unmodifiableSet(rewriter.paramKeys), rewriter.deepestNesting,
                rewriter.deepestComprehensionId);
    }

    private void visit(CelMutableExpr expr, int nesting) {
        switch (expr.getKind()) {
            case SELECT -> {
                CelMutableExpr.CelMutableSelect select = expr.select();
                keysOf(select.operand()).ifPresent(keys -> select.setField(record(keys, select.field())));
                visit(select.operand(), nesting);
            }
            case CALL -> {
                CelMutableExpr.CelMutableCall call = expr.call();
                lowerCaseLiteralKey(call);
                call.target().ifPresent(target -> visit(target, nesting));
                call.args().forEach(arg -> visit(arg, nesting));
            }
            case LIST -> expr.list().elements().forEach(element -> visit(element, nesting));
            case MAP -> expr.map().entries().forEach(entry -> {
                visit(entry.key(), nesting);
                visit(entry.value(), nesting);
            });
            case STRUCT -> expr.struct().entries().forEach(entry -> visit(entry.value(), nesting));
            case COMPREHENSION -> visitComprehension(expr, nesting);
            default -> {
                // constants and identifiers hold nothing to rewrite
            }
        }
    }

    private void visitComprehension(CelMutableExpr expr, int nesting) {
        CelMutableExpr.CelMutableComprehension c = expr.comprehension();
        int inner = nesting + 1;
        if (inner > deepestNesting) {
            deepestNesting = inner;
            deepestComprehensionId = expr.id();
        }
        // the range and the initial accumulator are evaluated once, outside the loop's scope
        visit(c.iterRange(), nesting);
        visit(c.accuInit(), nesting);
        List<String> loopVars = c.iterVar2().isEmpty()
                ? List.of(c.iterVar(), c.accuVar())
                : List.of(c.iterVar(), c.iterVar2(), c.accuVar());
        loopVars.forEach(this::shadow);
        visit(c.loopCondition(), inner);
        visit(c.loopStep(), inner);
        loopVars.forEach(this::unshadow);
        shadow(c.accuVar());
        visit(c.result(), nesting);
        unshadow(c.accuVar());
    }

    private void lowerCaseLiteralKey(CelMutableExpr.CelMutableCall call) {
        List<CelMutableExpr> args = call.args();
        if (args.size() != 2 || call.target().isPresent()) {
            return;
        }
        String function = call.function();
        if (function.equals(Operator.INDEX.getFunction())) {
            keysOf(args.get(0)).ifPresent(keys -> lowerCaseConstant(args.get(1), keys));
        } else if (function.equals(Operator.IN.getFunction())) {
            keysOf(args.get(1)).ifPresent(keys -> lowerCaseConstant(args.get(0), keys));
        }
    }

    private void lowerCaseConstant(CelMutableExpr key, Set<String> keys) {
        if (key.getKind() == Kind.CONSTANT && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            key.setConstant(CelConstant.ofValue(record(keys, key.constant().stringValue())));
        }
    }

    /** The key set to record into when {@code expr} is the {@code headers} or {@code params} variable. */
    private Optional<Set<String>> keysOf(CelMutableExpr expr) {
        if (expr.getKind() != Kind.IDENT || shadowed.containsKey(expr.ident().name())) {
            return Optional.empty();
        }
        return switch (expr.ident().name()) {
            case RoutingCelEnvironment.HEADERS -> Optional.of(headerKeys);
            case RoutingCelEnvironment.PARAMS -> Optional.of(paramKeys);
            default -> Optional.empty();
        };
    }

    private static String record(Set<String> keys, String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        keys.add(lower);
        return lower;
    }

    private void shadow(String name) {
        shadowed.merge(name, 1, Integer::sum);
    }

    private void unshadow(String name) {
        shadowed.computeIfPresent(name, (n, count) -> count == 1 ? null : count - 1);
    }
}
