package io.iris.gateway.observability;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of {@code GET /api/logs} ended: the start time and row id of its last record, so that the next page
 * starts strictly after it in the newest-first order (keyset paging: rows written meanwhile neither shift nor repeat
 * a page, and a deep page costs what the first does). On the wire it is opaque: base64url of a versioned text, so
 * that its form can change without breaking clients that only hand it back. Immutable.
 */
public record LogCursor(Instant startedAt, long id) {
    private static final String VERSION = "1";

    /** The wire form. {@code startedAt} is kept to the microsecond, the precision of the database. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, startedAt);
        String plain = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor {@link #encode()} wrote; empty for anything else. */
    public static Optional<LogCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            Instant startedAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            long id = Long.parseLong(parts[2]);
            return id < 0 ? Optional.empty() : Optional.of(new LogCursor(startedAt, id));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException notACursor) {
            return Optional.empty();
        }
    }
}
