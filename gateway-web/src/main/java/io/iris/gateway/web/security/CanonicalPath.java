package io.iris.gateway.web.security;

/**
 * Whether a raw request path (as sent, before any decoding: {@code HttpServletRequest.getRequestURI()}) is in the
 * one canonical form the gateway serves. Routers and filters normalise paths differently (matrix parameters,
 * dot segments, doubled or encoded slashes, backslashes); refusing every such spelling up front means that a path
 * means the same thing to every layer, so no layer can be dodged by spelling a path another way. Stateless; one
 * pass over the characters, no allocation.
 */
public final class CanonicalPath {
    /** Why a path is not canonical; the text is shown to the client (it never repeats the path). */
    public enum Defect {
        NOT_ABSOLUTE("the path must start with /"),
        MATRIX_PARAMETER("';' (matrix parameters) is not accepted in a path"),
        EMPTY_SEGMENT("'//' (an empty path segment) is not accepted"),
        DOT_SEGMENT("'.' and '..' path segments are not accepted"),
        BACKSLASH("'\\' is not accepted in a path"),
        CONTROL_CHARACTER("control characters are not accepted in a path"),
        ENCODED_DELIMITER("percent-encoded '.', '/', '\\', ';' and control characters are not accepted in a path"),
        BAD_ENCODING("'%' must be followed by two hex digits");

        private final String reason;

        Defect(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private CanonicalPath() {
    }

    /** The first defect of {@code rawPath}, or null when it is canonical. */
    public static Defect defectOf(String rawPath) {
        int length = rawPath.length();
        if (length == 0 || rawPath.charAt(0) != '/') {
            return Defect.NOT_ABSOLUTE;
        }
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Defect.CONTROL_CHARACTER;
            }
            switch (c) {
                case ';' -> {
                    return Defect.MATRIX_PARAMETER;
                }
                case '\\' -> {
                    return Defect.BACKSLASH;
                }
                case '/' -> {
                    Defect segment = segmentAfterSlash(rawPath, i + 1);
                    if (segment != null) {
                        return segment;
                    }
                }
                case '%' -> {
                    Defect encoded = encodedAt(rawPath, i);
                    if (encoded != null) {
                        return encoded;
                    }
                    i += 2;
                }
                default -> {
                    // An ordinary character.
                }
            }
        }
        return null;
    }

    /** The segment that starts at {@code start}: empty (but not the end of the path), "." or "..". */
    private static Defect segmentAfterSlash(String path, int start) {
        int length = path.length();
        if (start == length) {
            return null;
        }
        if (path.charAt(start) == '/') {
            return Defect.EMPTY_SEGMENT;
        }
        if (path.charAt(start) != '.') {
            return null;
        }
        int afterDots = start + 1 < length && path.charAt(start + 1) == '.' ? start + 2 : start + 1;
        return afterDots == length || path.charAt(afterDots) == '/' ? Defect.DOT_SEGMENT : null;
    }

    /** A percent-escape at {@code at}: well formed, and not one of a delimiter or a control character. */
    private static Defect encodedAt(String path, int at) {
        if (at + 2 >= path.length()) {
            return Defect.BAD_ENCODING;
        }
        int high = hex(path.charAt(at + 1));
        int low = hex(path.charAt(at + 2));
        if (high < 0 || low < 0) {
            return Defect.BAD_ENCODING;
        }
        int decoded = high * 16 + low;
        boolean delimiter = decoded == '.' || decoded == '/' || decoded == '\\' || decoded == ';';
        return delimiter || decoded < 0x20 || decoded == 0x7f ? Defect.ENCODED_DELIMITER : null;
    }

    /** An ASCII hex digit's value, else -1 (unlike {@link Character#digit}, no other script's digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
