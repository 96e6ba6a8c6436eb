package io.iris.gateway.governance;

/**
 * An upper estimate of how many instructions RE2 compiles a pattern into, read from the pattern text without
 * compiling it: each atom counts one, a counted repetition {@code x{n,m}} copies {@code x} m times (nested ones
 * multiply). RE2 matches in time linear in the input, but proportional to the program's size too, and compiling
 * {@code ((a{1000}){1000}){1000}} alone exhausts the heap: this bounds both before RE2J sees the pattern. Built
 * to over-count rather than under-count on odd syntax; a pattern that is not valid RE2 is rejected by RE2J
 * afterwards anyway. Stateless.
 */
final class RegexSize {
    /** Counting stops past this: the answer is then only "too large". */
    static final long SATURATED = 10_000_000L;
    private static final int MAX_REPEAT = 1001;

    private RegexSize() {
    }

    static long of(String pattern) {
        java.util.ArrayDeque<long[]> outer = new java.util.ArrayDeque<>();
        long size = 0;
        long last = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n && size < SATURATED) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n && pattern.charAt(i + 1) == 'Q') {
                int end = pattern.indexOf("\\E", i + 2);
                int stop = end < 0 ? n : end;
                size += Math.max(1, stop - (i + 2));
                last = 1;
                i = end < 0 ? n : end + 2;
            } else if (c == '\\') {
                i = afterEscape(pattern, i);
                size++;
                last = 1;
            } else if (c == '[') {
                i = afterClass(pattern, i);
                size++;
                last = 1;
            } else if (c == '(') {
                outer.push(new long[] {size});
                size = 0;
                last = 0;
                i = afterGroupPrefix(pattern, i);
            } else if (c == ')') {
                long inner = Math.max(size, 1);
                size = (outer.isEmpty() ? 0 : outer.pop()[0]) + inner;
                last = inner;
                i++;
            } else if (c == '{' && repeatEnd(pattern, i) > 0) {
                long times = repeatTimes(pattern, i);
                size += Math.max(last, 1) * (times - 1) + 1;
                last = Math.min(SATURATED, Math.max(last, 1) * times);
                i = repeatEnd(pattern, i);
            } else if (c == '|') {
                size++;
                last = 0;
                i++;
            } else {
                // a literal, '.', '^', '$', or a quantifier *, +, ? (one more instruction around its atom)
                size++;
                if (c != '*' && c != '+' && c != '?') {
                    last = 1;
                }
                i++;
            }
        }
        return Math.min(size, SATURATED);
    }

    /** Past an escape: {@code \pL}, {@code \p{Greek}}, {@code \x{10FFFF}}, {@code \d}, ... */
    private static int afterEscape(String p, int i) {
        if (i + 1 >= p.length()) {
            return p.length();
        }
        char kind = p.charAt(i + 1);
        if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 3);
            return close < 0 ? p.length() : close + 1;
        }
        if (kind == 'x') {
            return Math.min(p.length(), i + 4);
        }
        return i + 2;
    }

    /** Past a character class: a ']' right after '[' or '[^' is a member; escapes and [:name:] are skipped. */
    private static int afterClass(String p, int i) {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j = afterEscape(p, j);
            } else if (c == '[' && p.startsWith("[:", j) && p.indexOf(":]", j + 2) > 0) {
                j = p.indexOf(":]", j + 2) + 2;
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return p.length();
    }

    /** Past {@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>} or {@code (?<name>}; at the ')' of {@code (?i)}. */
    private static int afterGroupPrefix(String p, int i) {
        int j = i + 1;
        if (j >= p.length() || p.charAt(j) != '?') {
            return j;
        }
        j++;
        if (j < p.length() && (p.charAt(j) == 'P' || p.charAt(j) == '<')) {
            int close = p.indexOf('>', j);
            return close < 0 ? p.length() : close + 1;
        }
        while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
            j++;
        }
        return j < p.length() && p.charAt(j) == ':' ? j + 1 : j;
    }

    /** The index past {@code {n}}, {@code {n,}} or {@code {n,m}} (and a lazy '?') at {@code i}; 0 if none. */
    private static int repeatEnd(String p, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < p.length() && isAsciiDigit(p.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0 || j >= p.length()) {
            return 0;
        }
        if (p.charAt(j) == ',') {
            j++;
            while (j < p.length() && isAsciiDigit(p.charAt(j))) {
                j++;
            }
        }
        if (j >= p.length() || p.charAt(j) != '}') {
            return 0;
        }
        j++;
        return j < p.length() && p.charAt(j) == '?' ? j + 1 : j;
    }

    /** How many copies of its atom a valid repeat at {@code i} makes: m for {n,m}, n for {n}, n+1 for {n,}. */
    private static long repeatTimes(String p, int i) {
        int comma = p.indexOf(',', i);
        int close = p.indexOf('}', i);
        long min = number(p, i + 1, comma > 0 && comma < close ? comma : close);
        if (comma < 0 || comma > close) {
            return Math.max(min, 1);
        }
        if (comma + 1 == close) {
            return min + 1;
        }
        return Math.max(Math.max(min, number(p, comma + 1, close)), 1);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long number(String p, int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            value = Math.min(MAX_REPEAT, value * 10 + (p.charAt(k) - '0'));
        }
        return value;
    }
}
