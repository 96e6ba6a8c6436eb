package io.iris.gateway.governance;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A compiled model list: {@code *} allows all, exact names, {@code regex:} patterns (RE2, matched against the
 * whole model name in linear time). Built once per configuration snapshot; immutable and thread-safe.
 *
 * <p>Every pattern written through the admin API has passed {@link ModelPatterns#validate}. One stored before
 * (a java.util.regex pattern that RE2 does not accept, or an oversized one) fails closed: in an allow list it
 * matches nothing, in a block list ({@link #blocking}) it matches everything; it is logged.
 */
public final class ModelFilter {
    private static final Logger LOG = Logger.getLogger(ModelFilter.class.getName());
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

    /** An allow list: a pattern that cannot be compiled matches nothing. */
    public static ModelFilter of(List<String> entries) {
        return compile(entries, false);
    }

    /** A block list: a pattern that cannot be compiled blocks every model. */
    public static ModelFilter blocking(List<String> entries) {
        return compile(entries, true);
    }

    private static ModelFilter compile(List<String> entries, boolean invalidMatchesAll) {
        boolean wildcard = false;
        Set<String> exact = new HashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String entry : entries) {
            if (entry.equals("*")) {
                wildcard = true;
            } else if (entry.startsWith(ModelPatterns.REGEX_PREFIX)) {
                String regex = entry.substring(ModelPatterns.REGEX_PREFIX.length());
                if (RegexSize.of(regex) <= ModelPatterns.MAX_PATTERN_SIZE
                        && ModelPatterns.compileProblem(regex).isEmpty()) {
                    patterns.add(Pattern.compile(regex));
                } else {
                    LOG.warning(() -> "model pattern '" + entry + "' is not a valid RE2 pattern of bounded size; "
                            + (invalidMatchesAll ? "it blocks every model" : "it allows no model")
                            + " until it is written again");
                    wildcard |= invalidMatchesAll;
                }
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
            if (pattern.matches(model)) {
                return true;
            }
        }
        return false;
    }
}
