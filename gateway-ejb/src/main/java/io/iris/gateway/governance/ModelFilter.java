package io.iris.gateway.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled model list of a virtual key: {@code *} allows all, exact names, {@code regex:} patterns (matched
 * against the whole model name). Built once per configuration snapshot; immutable and thread-safe.
 */
public final class ModelFilter {
    public static final ModelFilter ALL = new ModelFilter(true, Set.of(), List.of());
    public static final ModelFilter NONE = new ModelFilter(false, Set.of(), List.of());

    private final boolean wildcard;
    private final Set<String> exact;
    private final List<Pattern> patterns;

    private ModelFilter(boolean wildcard, Set<String> exact, List<Pattern> patterns) {
        this.wildcard = wildcard;
        this.exact = exact;
        this.patterns = patterns;
    }

    /** Compiles entries that {@link ModelPatterns#validate} accepted. */
    public static ModelFilter of(List<String> entries) {
        boolean wildcard = false;
        Set<String> exact = new HashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String entry : entries) {
            if (entry.equals("*")) {
                wildcard = true;
            } else if (entry.startsWith(ModelPatterns.REGEX_PREFIX)) {
                patterns.add(Pattern.compile(entry.substring(ModelPatterns.REGEX_PREFIX.length())));
            } else {
                exact.add(entry);
            }
        }
        return new ModelFilter(wildcard, Set.copyOf(exact), List.copyOf(patterns));
    }

    public boolean matches(String model) {
        if (wildcard || exact.contains(model)) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(model).matches()) {
                return true;
            }
        }
        return false;
    }
}
