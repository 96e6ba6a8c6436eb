package io.iris.gateway.security;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes and hashes virtual key values: {@code sk-iris-} and 40 random base62 characters (238 bits). */
public final class VirtualKeyValues {
    public static final String PREFIX = "sk-iris-";
    private static final int RANDOM_CHARS = 40;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VirtualKeyValues() {
    }

    public static String generate() {
        StringBuilder value = new StringBuilder(PREFIX.length() + RANDOM_CHARS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            value.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return value.toString();
    }

    /** Lower-case hex SHA-256: what is stored and what an incoming key is looked up by. */
    public static String hash(String value) {
        return HexFormat.of().formatHex(GatewaySecrets.sha256(value));
    }

    /** The masked form of a virtual key shown on read: {@code sk-iris-...abcd}. */
    public static String hint(String value) {
        return PREFIX + "..." + value.substring(value.length() - 4);
    }

    /**
     * The masked form of any secret: the first three and last four characters of a long value
     * ({@code sk-...f3a9}), only the last four of a shorter one, nothing of a value under 8 characters.
     * At most 10 characters; enough to tell keys apart, far too little to use one.
     */
    public static String mask(String value) {
        if (value.length() >= 16) {
            return value.substring(0, 3) + "..." + value.substring(value.length() - 4);
        }
        return value.length() >= 8 ? "..." + value.substring(value.length() - 4) : "...";
    }
}
