package io.iris.gateway.proxy;

import java.nio.charset.StandardCharsets;

/**
 * Values the gateway puts in its own response headers ({@code x-iris-provider}, {@code x-iris-model},
 * {@code x-iris-rule}). Names come from clients (checked, {@link RequestLimits}) or from administrators (routing
 * rule names and target models may hold any character): whatever their origin, a header value leaves as printable
 * ASCII, with every other character percent-encoded as UTF-8 ({@code \r\n} becomes {@code %0D%0A}, {@code é}
 * {@code %C3%A9}), so no value can end a header line or be mangled by the container's ISO-8859-1 encoding. A
 * {@code %} already in a name stays as it is. Stateless.
 */
final class HeaderValues {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    static String of(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!plain(value.charAt(i))) {
                return encoded(value);
            }
        }
        return value;
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static String encoded(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (plain(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < value.length() && !plain(value.charAt(end))) {
                end++;
            }
            // An unpaired surrogate encodes as '?': the run is never split inside a pair.
            for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end;
        }
        return out.toString();
    }
}
