package io.iris.gateway.governance;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.iris.gateway.common.Validation;
import java.util.List;
import java.util.Optional;

/**
 * Model lists (a virtual key's {@code allowed_models} / {@code blocked_models}, a provider key's {@code models}):
 * {@code *} for all, exact names, or {@code regex:} patterns in RE2 syntax, matched against the whole model name
 * in time linear in its length (no backtracking: no lookaround, no backreferences). A pattern is at most
 * {@value Validation#MAX_NAME_LENGTH} characters like every entry, and its compiled size is bounded
 * ({@value #MAX_PATTERN_SIZE} per pattern, {@value #MAX_LIST_SIZE} for a list's patterns together) so that
 * neither compiling nor matching can be made slow.
 */
public final class ModelPatterns {
    public static final String REGEX_PREFIX = "regex:";
    static final int MAX_ENTRIES = 1000;
    static final long MAX_PATTERN_SIZE = 5_000;
    static final long MAX_LIST_SIZE = 20_000;

    private ModelPatterns() {
    }

    public static void validate(Validation v, String field, List<String> patterns) {
        v.shortStrings(field, patterns, MAX_ENTRIES);
        if (patterns == null) {
            return;
        }
        long total = 0;
        for (int i = 0; i < patterns.size(); i++) {
            String entry = patterns.get(i);
            if (entry != null && entry.startsWith(REGEX_PREFIX)) {
                String regex = entry.substring(REGEX_PREFIX.length());
                long size = RegexSize.of(regex);
                String at = field + "[" + i + "]";
                if (size > MAX_PATTERN_SIZE) {
                    v.reject(at, "is too large a regular expression once its repetitions are expanded (at most "
                            + MAX_PATTERN_SIZE + " steps; write x{2,5} rather than nesting counted repetitions)");
                } else {
                    compileProblem(regex).ifPresent(problem -> v.reject(at, problem));
                    total += size;
                }
            }
        }
        v.check(total <= MAX_LIST_SIZE, field, "its regex: patterns are too large together (at most "
                + MAX_LIST_SIZE + " steps)");
    }

    /** Why RE2 does not accept {@code regex}, if it does not. Call only on patterns of a bounded size. */
    static Optional<String> compileProblem(String regex) {
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("is not a valid RE2 regular expression: " + e.getDescription());
        }
    }
}
