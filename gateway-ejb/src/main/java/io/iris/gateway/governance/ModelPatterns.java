package io.iris.gateway.governance;

import io.iris.gateway.common.Validation;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The model lists of a virtual key: {@code *} for all, exact names, or {@code regex:} patterns. */
public final class ModelPatterns {
    public static final String REGEX_PREFIX = "regex:";
    static final int MAX_ENTRIES = 1000;

    private ModelPatterns() {
    }

    public static void validate(Validation v, String field, List<String> patterns) {
        v.shortStrings(field, patterns, MAX_ENTRIES);
        if (patterns == null) {
            return;
        }
        for (int i = 0; i < patterns.size(); i++) {
            String entry = patterns.get(i);
            if (entry != null && entry.startsWith(REGEX_PREFIX)) {
                try {
                    Pattern.compile(entry.substring(REGEX_PREFIX.length()));
                } catch (PatternSyntaxException e) {
                    v.reject(field + "[" + i + "]", "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
    }
}
