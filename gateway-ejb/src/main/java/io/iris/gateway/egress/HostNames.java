package io.iris.gateway.egress;

import java.util.Locale;

/** Host names as DNS compares them: case-insensitive, a trailing dot meaning nothing. Stateless. */
public final class HostNames {
    static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private HostNames() {
    }

    /** Lower case, without brackets around an IPv6 literal and without one trailing dot. */
    public static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            return h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * Whether {@code host} (normalized) is a well-formed DNS name: labels of letters, digits, '-' and '_', 1 to
     * 63 characters, 253 in all.
     */
    public static boolean wellFormed(String host) {
        if (host.isEmpty() || host.length() > MAX_LENGTH) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
