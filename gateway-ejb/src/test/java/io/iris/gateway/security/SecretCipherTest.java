package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final byte[] KEY = new byte[32];
    private static final String SECRET = "sk-live-very-secret-value-1234";

    @Test
    void encrypt_thenDecrypt_roundTrips() {
        SecretCipher cipher = new SecretCipher(KEY);
        assertEquals(SECRET, cipher.decrypt(cipher.encrypt(SECRET)));
    }

    @Test
    void encrypt_sameValueTwice_differentCiphertextWithoutPlaintext() {
        SecretCipher cipher = new SecretCipher(KEY);
        String first = cipher.encrypt(SECRET);
        assertNotEquals(first, cipher.encrypt(SECRET));
        assertTrue(first.startsWith("v1:"));
        assertFalse(first.contains("secret"));
    }

    @Test
    void decrypt_tamperedValue_failsWithoutEchoingIt() {
        SecretCipher cipher = new SecretCipher(KEY);
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(SECRET).substring(3));
        sealed[sealed.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        assertFalse(e.getMessage().contains(tampered));
    }

    @Test
    void decrypt_otherKey_fails() {
        byte[] other = new byte[32];
        other[0] = 1;
        String sealed = new SecretCipher(KEY).encrypt(SECRET);
        assertThrows(IllegalStateException.class, () -> new SecretCipher(other).decrypt(sealed));
    }

    @Test
    void decodeKey_wrongLength_namesSourceNotKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SecretCipher.decodeKey(shortKey, "IRIS_SECRET_KEY"));
        assertTrue(e.getMessage().startsWith("IRIS_SECRET_KEY"));
        assertFalse(e.getMessage().contains(shortKey));
    }

    @Test
    void decodeKey_notBase64_rejected() {
        assertThrows(IllegalStateException.class, () -> SecretCipher.decodeKey("not base64!", "IRIS_SECRET_KEY"));
    }
}
