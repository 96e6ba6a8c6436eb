package io.iris.gateway.routing.cel;

/**
 * Evaluating a compiled routing rule failed (e.g. division by zero, a bad regular expression, the
 * iteration limit of {@link RuleLimits}). The routing engine skips the rule and traces the message.
 * The cause, when present, is cel-java's {@code CelEvaluationException}.
 */
public final class RuleEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
