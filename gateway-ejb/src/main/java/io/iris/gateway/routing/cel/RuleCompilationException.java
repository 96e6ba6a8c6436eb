package io.iris.gateway.routing.cel;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A routing rule's expression was rejected when it was compiled: a syntax error, an unknown variable, a
 * type error, a result that is not bool, or an expression over {@link RuleLimits}.
 *
 * <p>{@link #getMessage()} is the compiler's report, in CEL's format, e.g.
 * {@code ERROR: <input>:1:1: undeclared reference to 'foo' (in container '')} followed by the source line
 * and a caret; it is safe to return to the rule's author. {@link #issues()} holds the same errors one by
 * one. Immutable.
 */
public final class RuleCompilationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One error.
     *
     * @param message what is wrong, without position
     * @param line 1-based line, or 0 when the error has no position
     * @param column 1-based column (in code points), or 0 when the error has no position
     */
    public record Issue(String message, int line, int column) implements Serializable {
        public Issue {
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<Issue> issues;

    public RuleCompilationException(String message, List<Issue> issues) {
        super(Objects.requireNonNull(message, "message"));
        this.issues = List.copyOf(issues);
    }

    /** The errors, in source order; never empty. */
    public List<Issue> issues() {
        return issues;
    }
}
