package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminTokenLengthTest {

    @Test
    void requireLongEnough_31Characters_refusedWithClearMessageWithoutTheToken() {
        String token = "short-token-" + "s".repeat(19);
        assertEquals(31, token.length());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GatewaySecrets.requireLongEnough(token, "IRIS_ADMIN_TOKEN"));

        assertTrue(e.getMessage().contains("IRIS_ADMIN_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("31 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
        assertFalse(e.getMessage().contains(token), "the token is not in the message");
        assertFalse(e.getMessage().contains("short-token"), "no part of the token is in the message");
    }

    @Test
    void requireLongEnough_32Characters_accepted() {
        String token = "t".repeat(32);
        assertEquals(token, GatewaySecrets.requireLongEnough(token, "IRIS_ADMIN_TOKEN"));
    }

    @Test
    void generatedToken_isLongEnough() {
        String generated = "iris-admin-" + GatewaySecrets.randomToken(32);
        assertEquals(generated, GatewaySecrets.requireLongEnough(generated, "the file"));
    }
}
