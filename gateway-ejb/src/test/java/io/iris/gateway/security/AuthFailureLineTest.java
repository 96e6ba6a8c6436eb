package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthFailureLineTest {

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    @Test
    void of_origin_allFieldsOnOneLine() {
        String line = AuthFailureLine.of(Instant.parse("2026-01-02T03:04:05Z"),
                new ClientOrigin("198.51.100.4", "POST", "/api/customers"), CredentialKind.ADMIN,
                FailureReason.INVALID);

        JsonObject json = parse(line);
        assertEquals("auth_failure", json.getString("event"));
        assertEquals("2026-01-02T03:04:05Z", json.getString("time"));
        assertEquals("198.51.100.4", json.getString("address"));
        assertEquals("POST", json.getString("method"));
        assertEquals("/api/customers", json.getString("path"));
        assertEquals("admin", json.getString("kind"));
        assertEquals("invalid", json.getString("reason"));
        assertFalse(line.contains("\n"));
    }

    @Test
    void of_controlCharactersAndLongPath_strippedAndBounded() {
        String path = "/v1/models/\r\n{\"event\":\"forged\"}\u0000" + "x".repeat(1_000);
        JsonObject json = parse(AuthFailureLine.of(Instant.now(), new ClientOrigin("a\nb", "GET\t", path),
                CredentialKind.VIRTUAL_KEY, FailureReason.MISSING));

        String logged = json.getString("path");
        assertTrue(logged.startsWith("/v1/models/{\"event\":\"forged\"}xxx"), logged);
        assertEquals(AuthFailureLine.MAX_PATH + 3, logged.length());
        assertTrue(logged.endsWith("..."));
        assertEquals("ab", json.getString("address"));
        assertEquals("GET", json.getString("method"));
        assertEquals("virtual_key", json.getString("kind"));
        assertEquals("missing", json.getString("reason"));
    }

    @Test
    void printable_shortText_unchanged() {
        assertEquals("/api/teams", AuthFailureLine.printable("/api/teams", 256));
        assertEquals("", AuthFailureLine.printable(null, 256));
        assertEquals("abc", AuthFailureLine.printable("abc", 3));
        assertEquals("abc...", AuthFailureLine.printable("abcd", 3));
    }
}
