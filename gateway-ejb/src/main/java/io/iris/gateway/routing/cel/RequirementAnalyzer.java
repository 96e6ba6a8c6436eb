package io.iris.gateway.routing.cel;

import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits a checked rule into its top-level {@code &&} conjuncts and recognises the ones that are a
 * {@link Requirement}. Only {@code &&} is looked through: a conjunct under {@code ||}, {@code !} or a conditional
 * does not have to hold for the rule to be true. Identifiers at the top level cannot be comprehension variables,
 * so they always name the environment's variables. Stateless.
 */
final class RequirementAnalyzer {

    private static final String AND = Operator.LOGICAL_AND.getFunction();
    private static final String IN = Operator.IN.getFunction();
    private static final String INDEX = Operator.INDEX.getFunction();

    private static final Map<String, CelType> TYPES = RoutingCelEnvironment.variables().stream()
            .collect(Collectors.toUnmodifiableMap(RoutingCelEnvironment.Variable::name,
                    RoutingCelEnvironment.Variable::type));

    /** The requirements found, in source order, and whether every conjunct was one. */
    record Analysis(List<Requirement> requirements, boolean complete) {
    }

    private RequirementAnalyzer() {
    }

    static Analysis analyse(CelExpr root) {
        List<CelExpr> conjuncts = new ArrayList<>();
        collectConjuncts(root, conjuncts);
        List<Requirement> requirements = new ArrayList<>();
        for (CelExpr conjunct : conjuncts) {
            requirementOf(conjunct).ifPresent(requirements::add);
        }
        return new Analysis(List.copyOf(requirements), requirements.size() == conjuncts.size());
    }

    private static void collectConjuncts(CelExpr expr, List<CelExpr> into) {
        if (expr.getKind() == Kind.CALL && expr.call().target().isEmpty() && expr.call().function().equals(AND)) {
            expr.call().args().forEach(arg -> collectConjuncts(arg, into));
        } else {
            into.add(expr);
        }
    }

    private static Optional<Requirement> requirementOf(CelExpr conjunct) {
        if (conjunct.getKind() == Kind.IDENT && SimpleType.BOOL.equals(typeOf(conjunct))) {
            return Optional.of(new FlagRequirement(conjunct.ident().name(), true));
        }
        if (conjunct.getKind() != Kind.CALL) {
            return Optional.empty();
        }
        CelExpr.CelCall call = conjunct.call();
        if (call.target().isPresent()) {
            return stringMethod(call);
        }
        if (call.args().size() != 2) {
            return Optional.empty();
        }
        if (call.function().equals(IN)) {
            return membership(call.args().get(0), call.args().get(1));
        }
        return Comparison.ofFunction(call.function()).flatMap(comparison -> {
            CelExpr left = call.args().get(0);
            CelExpr right = call.args().get(1);
            if (right.getKind() == Kind.CONSTANT) {
                return comparison(left, comparison, right.constant());
            }
            return left.getKind() == Kind.CONSTANT
                    ? comparison(right, comparison.mirrored(), left.constant()) : Optional.empty();
        });
    }

    private static Optional<Requirement> comparison(CelExpr operand, Comparison comparison,
            CelConstant literal) {
        boolean equality = comparison == Comparison.EQ
                || comparison == Comparison.NE;
        if (operand.getKind() != Kind.IDENT) {
            return comparison == Comparison.EQ && literal.getKind() == CelConstant.Kind.STRING_VALUE
                    ? entryLookup(operand, literal.stringValue()) : Optional.empty();
        }
        String variable = operand.ident().name();
        CelType type = typeOf(operand);
        CelConstant.Kind kind = literal.getKind();
        if (SimpleType.STRING.equals(type) && kind == CelConstant.Kind.STRING_VALUE && equality) {
            StringRequirement.Test test = comparison == Comparison.EQ
                    ? StringRequirement.Test.EQUALS : StringRequirement.Test.NOT_EQUALS;
            return Optional.of(StringRequirement.of(variable, test, literal.stringValue()));
        }
        if (SimpleType.BOOL.equals(type) && kind == CelConstant.Kind.BOOLEAN_VALUE
                && comparison == Comparison.EQ) {
            return Optional.of(new FlagRequirement(variable, literal.booleanValue()));
        }
        boolean doubleVariable = SimpleType.DOUBLE.equals(type);
        if (!doubleVariable && !SimpleType.INT.equals(type)) {
            return Optional.empty();
        }
        Number number = switch (kind) {
            case INT64_VALUE -> literal.int64Value();
            case DOUBLE_VALUE -> literal.doubleValue();
            default -> null;
        };
        if (number == null || equality && doubleVariable != number instanceof Double) {
            return Optional.empty();
        }
        return Optional.of(new NumberRequirement(variable, doubleVariable, comparison, number));
    }

    /** {@code headers["key"]} or {@code headers.key} (not {@code has(headers.key)}), the same for params. */
    private static Optional<Requirement> entryLookup(CelExpr operand, String expected) {
        if (operand.getKind() == Kind.SELECT && !operand.select().testOnly()) {
            return mapVariable(operand.select().operand())
                    .map(map -> new EntryRequirement(map, operand.select().field(), expected));
        }
        if (operand.getKind() == Kind.CALL && operand.call().target().isEmpty()
                && operand.call().function().equals(INDEX) && operand.call().args().size() == 2) {
            CelExpr key = operand.call().args().get(1);
            if (key.getKind() == Kind.CONSTANT && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                return mapVariable(operand.call().args().get(0))
                        .map(map -> new EntryRequirement(map, key.constant().stringValue(), expected));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mapVariable(CelExpr expr) {
        if (expr.getKind() != Kind.IDENT) {
            return Optional.empty();
        }
        String name = expr.ident().name();
        return name.equals(RoutingCelEnvironment.HEADERS) || name.equals(RoutingCelEnvironment.PARAMS)
                ? Optional.of(name) : Optional.empty();
    }

    private static Optional<Requirement> membership(CelExpr element, CelExpr range) {
        if (!isStringVariable(element) || range.getKind() != Kind.LIST) {
            return Optional.empty();
        }
        List<String> literals = new ArrayList<>();
        for (CelExpr item : range.list().elements()) {
            if (item.getKind() != Kind.CONSTANT || item.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                return Optional.empty();
            }
            literals.add(item.constant().stringValue());
        }
        return range.list().optionalIndices().isEmpty()
                ? Optional.of(StringRequirement.oneOf(element.ident().name(), literals)) : Optional.empty();
    }

    private static Optional<Requirement> stringMethod(CelExpr.CelCall call) {
        CelExpr target = call.target().orElseThrow();
        if (!isStringVariable(target) || call.args().size() != 1 || call.args().get(0).getKind() != Kind.CONSTANT
                || call.args().get(0).constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            return Optional.empty();
        }
        Function<StringRequirement.Test, Optional<Requirement>> of = test -> Optional.of(
                StringRequirement.of(target.ident().name(), test, call.args().get(0).constant().stringValue()));
        return switch (call.function()) {
            case "startsWith" -> of.apply(StringRequirement.Test.STARTS_WITH);
            case "endsWith" -> of.apply(StringRequirement.Test.ENDS_WITH);
            case "contains" -> of.apply(StringRequirement.Test.CONTAINS);
            default -> Optional.empty();
        };
    }

    private static boolean isStringVariable(CelExpr expr) {
        return expr.getKind() == Kind.IDENT && SimpleType.STRING.equals(typeOf(expr));
    }

    private static CelType typeOf(CelExpr ident) {
        return TYPES.get(ident.ident().name());
    }
}
