package io.iris.gateway.common;

import java.util.regex.Pattern;

/**
 * Error messages written by an upstream, made fit for the gateway's client (API.md §1: never an upstream key):
 * the provider key's value and anything that looks like a key ({@code sk-...}, {@code key_...}) replaced by
 * {@code [redacted]}, runs of whitespace (line breaks included) collapsed to one space, cut to
 * {@value #MAX_MESSAGE} characters. Used for error answers and for error events inside a stream alike. Immutable.
 */
public final class UpstreamMessages {
    static final int MAX_MESSAGE = 300;
    private static final Pattern KEY_LIKE = Pattern.compile("(sk|key|pk|rk)[-_][A-Za-z0-9_*.\\-]{4,}");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u0085\\u2028\\u2029]+");

    private final String provider;
    private final String keyValue;

    /** @param keyValue the value of the provider key the call used ("" when none) */
    public UpstreamMessages(String provider, String keyValue) {
        this.provider = provider;
        this.keyValue = keyValue;
    }

    /** The cleaned text of an error event the upstream sent inside a stream, saying which provider sent it. */
    public String streamError(String upstreamMessage) {
        String clean = redact(upstreamMessage, keyValue);
        return "provider '" + provider + "' reported an error" + (clean.isEmpty() ? "" : ": " + clean);
    }

    /** {@code message} without the key value or anything key-like, on one line, at most {@value #MAX_MESSAGE}. */
    public static String redact(String message, String keyValue) {
        String clean = keyValue == null || keyValue.isEmpty() ? message : message.replace(keyValue, "[redacted]");
        clean = WHITESPACE.matcher(KEY_LIKE.matcher(clean).replaceAll("[redacted]")).replaceAll(" ").strip();
        if (clean.length() <= MAX_MESSAGE) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return clean.substring(0, end) + "...";
    }
}
