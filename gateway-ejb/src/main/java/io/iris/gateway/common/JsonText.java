package io.iris.gateway.common;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Compact JSON written straight into a {@link StringBuilder}, with the fluent calls of JSON-P's
 * {@code JsonGenerator} that the request log uses. The request log writes a routing trace, the attempts and a log
 * line for every request, beside the data plane; JSON-P's generator (a writer, a pooled buffer and a context object
 * per call) was about half of that work in a profile under load (docs/PERFORMANCE.md). Escapes what JSON requires
 * (quote, backslash, control characters) and passes other characters through. A non-finite double is written as
 * null, since JSON has no NaN or infinity. Misuse (a value without a name inside an object, an end without a start)
 * is not detected. Not thread-safe: one per text.
 * <p>Log lines are built with it, so it also escapes DEL, the C1 controls and U+2028/U+2029: legal in JSON, but
 * read as line ends by some log viewers.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** Per open object or array, innermost last: its closing character, and whether it has a member yet. */
    private char[] closers = new char[8];
    private boolean[] started = new boolean[8];
    private int depth = -1;

    public JsonText(int expectedChars) {
        out = new StringBuilder(expectedChars);
    }

    public JsonText writeStartObject() {
        separate();
        return open('{', '}');
    }

    public JsonText writeStartObject(String name) {
        name(name);
        return open('{', '}');
    }

    public JsonText writeStartArray() {
        separate();
        return open('[', ']');
    }

    public JsonText writeStartArray(String name) {
        name(name);
        return open('[', ']');
    }

    /** Ends the innermost open object or array. */
    public JsonText writeEnd() {
        out.append(closers[depth--]);
        return this;
    }

    public JsonText write(String name, String value) {
        name(name);
        quote(value);
        return this;
    }

    public JsonText write(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonText write(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    public JsonText write(String name, BigDecimal value) {
        name(name);
        out.append(value.toString());
        return this;
    }

    public JsonText write(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonText writeNull(String name) {
        name(name);
        out.append("null");
        return this;
    }

    /** A string as the next element of an array, or as the whole text. */
    public JsonText write(String value) {
        separate();
        quote(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonText open(char opener, char closer) {
        depth++;
        if (depth == started.length) {
            started = Arrays.copyOf(started, depth * 2);
            closers = Arrays.copyOf(closers, depth * 2);
        }
        started[depth] = false;
        closers[depth] = closer;
        out.append(opener);
        return this;
    }

    private void name(String name) {
        separate();
        quote(name);
        out.append(':');
    }

    private void separate() {
        if (depth < 0) {
            return;
        }
        if (started[depth]) {
            out.append(',');
        }
        started[depth] = true;
    }

    private void number(double value) {
        if (Double.isFinite(value)) {
            out.append(value);
        } else {
            out.append("null");
        }
    }

    private void quote(String value) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' || c >= 0xa0 && c != 0x2028 && c != 0x2029) {
                continue;
            }
            out.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                // Other controls, DEL, C1 and the two Unicode line separators: valid JSON as they are, but some
                // log viewers break lines at them.
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, plainFrom, value.length()).append('"');
    }
}
