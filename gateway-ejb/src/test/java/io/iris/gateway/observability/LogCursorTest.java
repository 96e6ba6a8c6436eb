package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogCursorTest {

    @Test
    void decode_encodedCursor_sameTimeToTheMicrosecondAndSameId() {
        LogCursor cursor = new LogCursor(Instant.parse("2026-03-01T12:34:56.123456Z"), 4711);

        assertEquals(Optional.of(cursor), LogCursor.decode(cursor.encode()));
    }

    @Test
    void decode_timeBeforeTheEpoch_roundTrips() {
        LogCursor cursor = new LogCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), 0);

        assertEquals(Optional.of(cursor), LogCursor.decode(cursor.encode()));
    }

    @Test
    void encode_anyCursor_urlSafeWithoutPadding() {
        String encoded = new LogCursor(Instant.parse("2026-03-01T00:00:00.000001Z"), Long.MAX_VALUE).encode();

        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertFalse(encoded.contains("2026"), "opaque: not the plain time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a cursor!", "%%%", "MTox", "Mjox"})
    void decode_notBase64OrNotACursor_empty(String text) {
        assertEquals(Optional.empty(), LogCursor.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2:1:1", "1:x:1", "1:1", "1:1:1:1", "1:1:-1", "1:1:y",
            "1:99999999999999999999:1"})
    void decode_wellEncodedButNotOurs_empty(String plain) {
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));

        assertEquals(Optional.empty(), LogCursor.decode(text));
    }
}
