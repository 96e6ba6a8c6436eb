package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.iris.gateway.governance.ResetPeriod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CounterWindowTest {
    private static ResetPeriod period(String text) {
        return ResetPeriod.parse(text).orElseThrow();
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static CounterWindow window(String start, String end) {
        return new CounterWindow(at(start), at(end));
    }

    @Test
    void containing_beforeEnd_sameWindow() {
        CounterWindow hour = CounterWindow.startingAt(at("2026-03-01T10:15:00Z"), period("1h"), false);
        assertSame(hour, hour.containing(at("2026-03-01T11:14:59Z"), period("1h"), false));
    }

    @Test
    void containing_exactlyAtEnd_rollsToNextWindow() {
        CounterWindow hour = CounterWindow.startingAt(at("2026-03-01T10:15:00Z"), period("1h"), false);
        assertEquals(window("2026-03-01T11:15:00Z", "2026-03-01T12:15:00Z"),
                hour.containing(at("2026-03-01T11:15:00Z"), period("1h"), false));
    }

    @Test
    void containing_rollingHourSeveralPeriodsSkipped_staysOnGrid() {
        CounterWindow hour = CounterWindow.startingAt(at("2026-03-01T10:15:00Z"), period("1h"), false);
        assertEquals(window("2026-03-01T17:15:00Z", "2026-03-01T18:15:00Z"),
                hour.containing(at("2026-03-01T17:59:00Z"), period("1h"), false));
    }

    @Test
    void containing_rollingDayYearsSkipped_jumpsToGrid() {
        CounterWindow day = CounterWindow.startingAt(at("1970-01-01T06:00:00Z"), period("1d"), false);
        assertEquals(window("2026-03-01T06:00:00Z", "2026-03-02T06:00:00Z"),
                day.containing(at("2026-03-01T12:00:00Z"), period("1d"), false));
    }

    @Test
    void startingAt_alignedDay_endsAtNextMidnight() {
        assertEquals(window("2026-03-01T14:23:00Z", "2026-03-02T00:00:00Z"),
                CounterWindow.startingAt(at("2026-03-01T14:23:00Z"), period("1d"), true));
    }

    @Test
    void containing_alignedDaySkipped_startsAtMidnight() {
        CounterWindow day = CounterWindow.startingAt(at("2026-03-01T14:23:00Z"), period("1d"), true);
        assertEquals(window("2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z"),
                day.containing(at("2026-03-05T09:00:00Z"), period("1d"), true));
    }

    @Test
    void containing_alignedWeek_startsOnMonday() {
        // 2026-03-04 is a Wednesday; the next Monday is 2026-03-09.
        CounterWindow week = CounterWindow.startingAt(at("2026-03-04T08:00:00Z"), period("1w"), true);
        assertEquals(at("2026-03-09T00:00:00Z"), week.end());
        assertEquals(window("2026-03-23T00:00:00Z", "2026-03-30T00:00:00Z"),
                week.containing(at("2026-03-29T23:59:59Z"), period("1w"), true));
    }

    @Test
    void containing_rollingWeek_keepsItsOwnWeekday() {
        CounterWindow week = CounterWindow.startingAt(at("2026-03-04T08:00:00Z"), period("1w"), false);
        assertEquals(window("2026-03-25T08:00:00Z", "2026-04-01T08:00:00Z"),
                week.containing(at("2026-03-30T00:00:00Z"), period("1w"), false));
    }

    @Test
    void containing_alignedMonth_followsCalendarMonths() {
        CounterWindow month = CounterWindow.startingAt(at("2026-01-20T00:00:00Z"), period("1M"), true);
        assertEquals(at("2026-02-01T00:00:00Z"), month.end());
        assertEquals(window("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
                month.containing(at("2026-02-28T23:59:59Z"), period("1M"), true));
        assertEquals(window("2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"),
                month.containing(at("2026-04-15T00:00:00Z"), period("1M"), true));
    }

    @Test
    void containing_rollingMonth_chainsCalendarMonthsFromStart() {
        CounterWindow month = CounterWindow.startingAt(at("2026-01-15T10:00:00Z"), period("1M"), false);
        assertEquals(window("2026-04-15T10:00:00Z", "2026-05-15T10:00:00Z"),
                month.containing(at("2026-05-01T00:00:00Z"), period("1M"), false));
    }

    @Test
    void containing_alignedYear_startsOnJanuaryFirst() {
        CounterWindow year = CounterWindow.startingAt(at("2024-06-01T00:00:00Z"), period("1Y"), true);
        assertEquals(at("2025-01-01T00:00:00Z"), year.end());
        assertEquals(window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
                year.containing(at("2026-03-01T00:00:00Z"), period("1Y"), true));
    }

    @Test
    void containing_rollingYear_endsOneYearAfterStart() {
        CounterWindow year = CounterWindow.startingAt(at("2024-06-01T00:00:00Z"), period("1Y"), false);
        assertEquals(window("2025-06-01T00:00:00Z", "2026-06-01T00:00:00Z"),
                year.containing(at("2026-03-01T00:00:00Z"), period("1Y"), false));
    }

    @Test
    void freshAt_rolling_startsNow() {
        assertEquals(window("2026-03-04T08:30:00Z", "2026-03-05T08:30:00Z"),
                CounterWindow.freshAt(at("2026-03-04T08:30:00Z"), period("1d"), false));
    }

    @Test
    void freshAt_aligned_startsAtCalendarBoundary() {
        Instant now = at("2026-03-04T08:30:00Z");
        assertEquals(window("2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z"),
                CounterWindow.freshAt(now, period("1d"), true));
        assertEquals(window("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"),
                CounterWindow.freshAt(now, period("1w"), true));
        assertEquals(window("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"),
                CounterWindow.freshAt(now, period("1M"), true));
        assertEquals(window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
                CounterWindow.freshAt(now, period("1Y"), true));
    }
}
