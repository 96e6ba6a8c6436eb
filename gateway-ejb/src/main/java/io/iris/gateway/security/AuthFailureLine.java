package io.iris.gateway.security;

import io.iris.gateway.common.JsonP;
import java.time.Instant;

/**
 * The audit line of one refused authentication, a JSON object on one line:
 * {@code {"event":"auth_failure","time","address","method","path","kind","reason"}}. It is built from the origin
 * only, so no credential can reach it; the path, method and address are cut to a bounded length and stripped of
 * control characters, so a client cannot forge or flood log lines through them. Stateless.
 */
final class AuthFailureLine {
    static final int MAX_PATH = 256;
    static final int MAX_ADDRESS = 64;
    static final int MAX_METHOD = 16;

    private AuthFailureLine() {
    }

    static String of(Instant time, ClientOrigin origin, CredentialKind kind, FailureReason reason) {
        return JsonP.PROVIDER.createObjectBuilder()
                .add("event", "auth_failure")
                .add("time", time.toString())
                .add("address", printable(origin.address(), MAX_ADDRESS))
                .add("method", printable(origin.method(), MAX_METHOD))
                .add("path", printable(origin.path(), MAX_PATH))
                .add("kind", kind.label())
                .add("reason", reason.label())
                .build().toString();
    }

    /** {@code text} without control characters, cut to {@code max} characters ("..." marks a cut). */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), max + 3));
        int i = 0;
        for (; i < text.length() && kept.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != '\u2028' && c != '\u2029') {
                kept.append(c);
            }
        }
        if (i < text.length()) {
            kept.append("...");
        }
        return kept.toString();
    }
}
