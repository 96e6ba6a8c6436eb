package io.iris.gateway.common;

/** JSON string escaping and unescaping for the few values the proxy reads or writes itself. */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** The JSON literal of {@code value}, quotes included. */
    public static String quote(String value) {
        return new JsonText(value.length() + 2).write(value).toString();
    }

    /** Decodes the escapes of a string's content (without its quotes), which the scanner has validated. */
    public static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
