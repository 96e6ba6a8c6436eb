package io.iris.gateway.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
