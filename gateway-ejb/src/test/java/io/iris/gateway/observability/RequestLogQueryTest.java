package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iris.gateway.common.FieldError;
import io.iris.gateway.common.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLogQueryTest {

    @Test
    void parse_noParameters_everythingAbsentAndDefaultLimit() {
        RequestLogQuery query = RequestLogQuery.parse(Map.of());

        assertEquals(new RequestLogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 50, Optional.empty()), query);
    }

    @Test
    void parse_everyFilter_typedValues() {
        UUID vk = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        LogCursor cursor = new LogCursor(Instant.parse("2026-03-01T10:00:00Z"), 9);

        RequestLogQuery query = RequestLogQuery.parse(Map.of("virtual_key_id", vk.toString(),
                "team_id", team.toString(), "provider", "openai", "model", "gpt-4o", "status", "429",
                "rule", "eu-to-azure", "from", "2026-03-01T00:00:00Z", "to", "2026-03-02T00:00:00Z",
                "limit", "1000", "cursor", cursor.encode()));

        assertEquals(new RequestLogQuery(Optional.of(vk), Optional.of(team), Optional.of("openai"),
                Optional.of("gpt-4o"), Optional.of(429), Optional.of("eu-to-azure"),
                Optional.of(Instant.parse("2026-03-01T00:00:00Z")), Optional.of(Instant.parse("2026-03-02T00:00:00Z")),
                1000, Optional.of(cursor)), query);
    }

    @Test
    void parse_blankValues_absent() {
        RequestLogQuery query = RequestLogQuery.parse(Map.of("provider", " ", "status", "", "cursor", ""));

        assertEquals(Optional.empty(), query.provider());
        assertEquals(Optional.empty(), query.status());
        assertEquals(Optional.empty(), query.cursor());
    }

    @Test
    void parse_instantWithOffset_convertedToUtc() {
        RequestLogQuery query = RequestLogQuery.parse(Map.of("from", "2026-03-01T09:00:00+01:00"));

        assertEquals(Optional.of(Instant.parse("2026-03-01T08:00:00Z")), query.from());
    }

    @Test
    void parse_everyParameterBad_oneErrorPerField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RequestLogQuery.parse(Map.of(
                "virtual_key_id", "vk-1", "team_id", "12", "status", "ok", "from", "yesterday",
                "to", "2026-13-01T00:00:00Z", "limit", "many", "cursor", "bogus", "provider", "p".repeat(256))));

        assertEquals(List.of("virtual_key_id", "team_id", "provider", "status", "from", "to", "limit", "cursor"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "1.5", "99999999999"})
    void parse_limitOutOfRange_rejected(String limit) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RequestLogQuery.parse(Map.of("limit", limit)));

        assertEquals(new FieldError("limit", "must be a whole number from 1 to 1000"), e.errors().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "600", "2xx"})
    void parse_statusNotAnHttpStatus_rejected(String status) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RequestLogQuery.parse(Map.of("status", status)));

        assertEquals("status", e.errors().get(0).field());
    }

    @Test
    void parse_toNotAfterFrom_rejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RequestLogQuery.parse(Map.of(
                "from", "2026-03-02T00:00:00Z", "to", "2026-03-01T00:00:00Z")));

        assertEquals(new FieldError("to", "must be after from"), e.errors().get(0));
    }
}
