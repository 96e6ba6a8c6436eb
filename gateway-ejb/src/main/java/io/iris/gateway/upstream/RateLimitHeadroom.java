package io.iris.gateway.upstream;

import java.util.function.Function;

/**
 * How much of a key's rate limit is left, read from the headers of an upstream response: OpenAI's
 * {@code x-ratelimit-limit-*} / {@code x-ratelimit-remaining-*} and Anthropic's
 * {@code anthropic-ratelimit-*-limit} / {@code -remaining}, for requests and tokens (and Anthropic's input and
 * output tokens). A key about to hit its limit is better left alone before it starts answering 429.
 *
 * <p>The headroom is the smallest remaining / limit over the pairs present: whichever limit is nearest decides.
 * It runs on every upstream response, so it allocates nothing of its own: the header names are constants and the
 * numbers are parsed by hand rather than through {@link Double#parseDouble} on a trimmed copy.
 */
public final class RateLimitHeadroom {
    /** No pair of limit and remaining headers could be read. */
    public static final double UNKNOWN = -1;

    /** Header names in pairs: limit, then remaining. */
    private static final String[] PAIRS = {
        "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
        "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
        "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
        "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-tokens-remaining",
        "anthropic-ratelimit-input-tokens-limit", "anthropic-ratelimit-input-tokens-remaining",
        "anthropic-ratelimit-output-tokens-limit", "anthropic-ratelimit-output-tokens-remaining",
    };

    private RateLimitHeadroom() {
    }

    /**
     * The smallest remaining / limit share over the header pairs present, clamped to [0, 1]; {@link #UNKNOWN}
     * when there is none. A pair is skipped when either header is missing or not a non-negative number, or when
     * the limit is 0 (no share to take of it).
     *
     * @param header the value of a header by its lower-case name, or null when the response has none
     */
    public static double of(Function<String, String> header) {
        double smallest = UNKNOWN;
        for (int i = 0; i < PAIRS.length; i += 2) {
            double limit = number(header.apply(PAIRS[i]));
            if (!(limit > 0)) {
                continue;
            }
            double remaining = number(header.apply(PAIRS[i + 1]));
            if (remaining < 0) {
                continue;
            }
            double share = Math.min(1.0, remaining / limit);
            if (smallest == UNKNOWN || share < smallest) {
                smallest = share;
            }
        }
        return smallest;
    }

    /**
     * A non-negative decimal number ({@code 123}, {@code 12.5}), blanks around it allowed; -1 for null or anything
     * else (signs, exponents, empty).
     */
    static double number(String text) {
        if (text == null) {
            return -1;
        }
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        double value = 0;
        boolean fraction = false;
        double scale = 0.1; // weight of the next digit after the decimal point
        boolean digits = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (!fraction) {
                    value = value * 10 + (c - '0');
                } else {
                    value += (c - '0') * scale;
                    scale /= 10;
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else {
                return -1;
            }
        }
        return digits && Double.isFinite(value) ? value : -1;
    }

    /** Optional white space around a header value (RFC 9110). */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }
}
