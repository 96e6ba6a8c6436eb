package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.RuleEvaluationException;
import io.iris.gateway.routing.cel.RuleRequirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over a scope chain: finds the first rule that matches and records what became of every rule reached.
 * Stateless.
 */
final class RuleMatcher {

    private static final Optional<String> ALREADY_DECIDED = Optional.of("already decided");
    private static final String REDACTED = "<redacted>";

    private RuleMatcher() {
    }

    /**
     * @param decided rules that already decided in this request; they are skipped
     * @param trace   receives one entry per rule reached
     * @return the deciding rule, or null when none matches
     */
    static RouteRule firstMatch(ScopeChain chain, RuleActivation activation, RoutingRequest request,
            List<RouteRule> decided, List<RuleTrace> trace) {
        List<RuleGroup> groups = chain.groups();
        for (int g = 0; g < groups.size(); g++) {
            RuleGroup group = groups.get(g);
            for (int i = 0; i < group.size(); i++) {
                RouteRule rule = group.rule(i);
                RuleTrace.Result result;
                Optional<String> reason = Optional.empty();
                if (contains(decided, rule)) {
                    result = RuleTrace.Result.SKIPPED;
                    reason = ALREADY_DECIDED;
                } else {
                    RuleRequirements.Verdict verdict = group.requirements(i).check(activation);
                    switch (verdict.kind()) {
                        case MATCHES -> result = RuleTrace.Result.MATCH;
                        case FAILS -> {
                            result = RuleTrace.Result.NO_MATCH;
                            reason = verdict.reason();
                        }
                        default -> {
                            try {
                                result = rule.expression().matches(activation)
                                        ? RuleTrace.Result.MATCH : RuleTrace.Result.NO_MATCH;
                            } catch (RuleEvaluationException e) {
                                result = RuleTrace.Result.SKIPPED;
                                reason = Optional.of(redacted(String.valueOf(e.getMessage()), request));
                            }
                        }
                    }
                }
                trace.add(traceOf(rule, result, reason, group.headerKeys(i), request.headers()));
                if (result == RuleTrace.Result.MATCH) {
                    return rule;
                }
            }
        }
        return null;
    }

    private static boolean contains(List<RouteRule> decided, RouteRule rule) {
        for (int i = 0; i < decided.size(); i++) {
            if (decided.get(i) == rule) {
                return true;
            }
        }
        return false;
    }

    private static RuleTrace traceOf(RouteRule rule, RuleTrace.Result result, Optional<String> reason,
            String[] headerKeys, Map<String, String> headers) {
        List<String> present = List.of();
        List<String> missing = List.of();
        if (headerKeys.length > 0) {
            int found = 0;
            for (String key : headerKeys) {
                found += headers.containsKey(key) ? 1 : 0;
            }
            String[] presentKeys = new String[found];
            String[] missingKeys = new String[headerKeys.length - found];
            int p = 0;
            int m = 0;
            for (String key : headerKeys) {
                if (headers.containsKey(key)) {
                    presentKeys[p++] = key;
                } else {
                    missingKeys[m++] = key;
                }
            }
            present = List.of(presentKeys);
            missing = List.of(missingKeys);
        }
        return new RuleTrace(rule.name(), rule.id(), rule.scope(), rule.priority(), result, reason, present, missing);
    }

    /**
     * Evaluation errors may quote a value ({@code For input string: "abc"}); header and parameter values must not
     * reach the trace, so every one of them is cut out of the message, longest first.
     */
    static String redacted(String message, RoutingRequest request) {
        List<String> values = new ArrayList<>(request.headers().values());
        values.addAll(request.params().values());
        values.sort(Comparator.comparingInt(String::length).reversed());
        String result = message;
        for (String value : values) {
            if (!value.isEmpty()) {
                result = result.replace(value, REDACTED);
            }
        }
        return result;
    }
}
