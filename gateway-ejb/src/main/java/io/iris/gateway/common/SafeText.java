package io.iris.gateway.common;

/**
 * Which characters a name may not hold when it can reach a response header, a log line or an operator's screen:
 * control characters (C0, DEL, C1), line and paragraph separators, invisible format characters (bidi overrides,
 * zero-width characters) and unpaired surrogates. One definition for the data plane's model names and the admin
 * API's names. Stateless.
 */
public final class SafeText {
    private SafeText() {
    }

    public static boolean isUnsafe(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT || type == Character.SURROGATE;
    }

    /** Whether {@code text} holds an unsafe code point (a surrogate pair counts as the one it encodes). */
    public static boolean hasUnsafe(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (isUnsafe(text.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }
}
