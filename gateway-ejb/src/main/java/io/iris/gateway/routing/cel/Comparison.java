package io.iris.gateway.routing.cel;

import dev.cel.common.Operator;
import java.util.Optional;

/** A CEL comparison operator, as requirements apply it. */
enum Comparison {
    EQ(Operator.EQUALS, "=="), NE(Operator.NOT_EQUALS, "!="), LT(Operator.LESS, "<"),
    LE(Operator.LESS_EQUALS, "<="), GT(Operator.GREATER, ">"), GE(Operator.GREATER_EQUALS, ">=");

    private final String function;
    private final String symbol;

    Comparison(Operator operator, String symbol) {
        this.function = operator.getFunction();
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static Optional<Comparison> ofFunction(String function) {
        for (Comparison c : values()) {
            if (c.function.equals(function)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The comparison with its operands swapped: {@code 80 < x} is {@code x > 80}. */
    Comparison mirrored() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    boolean holds(int compared) {
        return switch (this) {
            case EQ -> compared == 0;
            case NE -> compared != 0;
            case LT -> compared < 0;
            case LE -> compared <= 0;
            case GT -> compared > 0;
            case GE -> compared >= 0;
        };
    }

    boolean holds(double left, double right) {
        return switch (this) {
            case EQ -> left == right;
            case NE -> left != right;
            case LT -> left < right;
            case LE -> left <= right;
            case GT -> left > right;
            case GE -> left >= right;
        };
    }
}
