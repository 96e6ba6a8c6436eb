package io.iris.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of one rule in one step of a routing decision. Immutable.
 *
 * @param reason         why the rule was skipped (the evaluation error, or {@code already decided}) or, for a
 *                       rule ruled out by a requirement without evaluating it, which requirement failed
 *                       ({@code model is not 'gpt-4o'}); empty otherwise
 * @param headersPresent the header names the rule looks up by literal key that the request has, sorted; names
 *                       only, never values
 * @param headersMissing the same names the request does not have
 */
public record RuleTrace(String rule, UUID ruleId, RuleScope scope, int priority, Result result,
                        Optional<String> reason, List<String> headersPresent, List<String> headersMissing) {

    /** The rule matched (and decided), did not match, or was not evaluated. */
    public enum Result {
        MATCH, NO_MATCH, SKIPPED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RuleTrace {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        headersPresent = List.copyOf(headersPresent);
        headersMissing = List.copyOf(headersMissing);
    }

    /** Whether the rule looks up any header by literal key. */
    public boolean referencesHeaders() {
        return !headersPresent.isEmpty() || !headersMissing.isEmpty();
    }
}
