package io.iris.gateway.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResetPeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"1h", "1d", "1w", "1M", "1Y", "30s", "5m", "9999d"})
    void parse_documentedFormats_accepted(String text) {
        assertTrue(ResetPeriod.parse(text).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "0h", "-1d", "1.5h", "1 h", "1H", "1y", "10000d", "01d", "1dd"})
    void parse_malformed_empty(String text) {
        assertTrue(ResetPeriod.parse(text).isEmpty());
    }

    @Test
    void parse_null_empty() {
        assertTrue(ResetPeriod.parse(null).isEmpty());
    }

    @Test
    void parse_monthAndMinute_distinguishedByCase() {
        assertEquals(ResetPeriod.Unit.MONTH, ResetPeriod.parse("1M").orElseThrow().unit());
        assertEquals(ResetPeriod.Unit.MINUTE, ResetPeriod.parse("1m").orElseThrow().unit());
    }

    @Test
    void canAlignToCalendar_singleDayWeekMonthYear_onlyThose() {
        assertTrue(ResetPeriod.parse("1d").orElseThrow().canAlignToCalendar());
        assertTrue(ResetPeriod.parse("1w").orElseThrow().canAlignToCalendar());
        assertTrue(ResetPeriod.parse("1M").orElseThrow().canAlignToCalendar());
        assertTrue(ResetPeriod.parse("1Y").orElseThrow().canAlignToCalendar());
        assertFalse(ResetPeriod.parse("2d").orElseThrow().canAlignToCalendar());
        assertFalse(ResetPeriod.parse("1h").orElseThrow().canAlignToCalendar());
    }

    private static Instant end(String period, String start, boolean aligned) {
        return ResetPeriod.parse(period).orElseThrow().windowEnd(Instant.parse(start), aligned);
    }

    @Test
    void windowEnd_rolling_lastsExactlyThePeriod() {
        assertEquals(Instant.parse("2026-03-01T11:30:00Z"), end("1h", "2026-03-01T10:30:00Z", false));
        assertEquals(Instant.parse("2026-03-01T10:30:30Z"), end("30s", "2026-03-01T10:30:00Z", false));
        assertEquals(Instant.parse("2026-03-08T10:30:00Z"), end("1w", "2026-03-01T10:30:00Z", false));
        assertEquals(Instant.parse("2026-02-28T10:30:00Z"), end("1M", "2026-01-31T10:30:00Z", false));
    }

    @Test
    void windowEnd_calendarAligned_endsAtTheNextUtcBoundary() {
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), end("1d", "2026-03-01T10:30:00Z", true));
        // 2026-03-04 is a Wednesday: the week ends on Monday the 9th.
        assertEquals(Instant.parse("2026-03-09T00:00:00Z"), end("1w", "2026-03-04T10:30:00Z", true));
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), end("1M", "2026-03-31T23:59:59Z", true));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), end("1Y", "2026-06-15T00:00:00Z", true));
    }

    @Test
    void windowEnd_alignedStartExactlyOnBoundary_endsOneUnitLater() {
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), end("1d", "2026-03-01T00:00:00Z", true));
        assertEquals(Instant.parse("2026-03-16T00:00:00Z"), end("1w", "2026-03-09T00:00:00Z", true));
    }

    @Test
    void windowEnd_alignmentAskedForAPeriodThatCannotAlign_rolls() {
        assertEquals(Instant.parse("2026-03-01T12:30:00Z"), end("2h", "2026-03-01T10:30:00Z", true));
    }
}
