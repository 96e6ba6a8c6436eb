package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.ResetPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * One window of a counter, {@code [start, end)}, and the grid windows follow: each window starts where the one
 * before ended ({@link ResetPeriod#windowEnd}). Immutable.
 */
record CounterWindow(Instant start, Instant end) {

    static CounterWindow startingAt(Instant start, ResetPeriod period, boolean aligned) {
        return new CounterWindow(start, period.windowEnd(start, aligned));
    }

    /**
     * A window begun at {@code now} with no history: a rolling one starts at {@code now}, an aligned one at the
     * calendar boundary at or before {@code now}.
     */
    static CounterWindow freshAt(Instant now, ResetPeriod period, boolean aligned) {
        return startingAt(aligned ? calendarFloor(now, period.unit()) : now, period, aligned);
    }

    boolean hasEnded(Instant now) {
        return !now.isBefore(end);
    }

    /**
     * The window on this window's grid that contains {@code now}: this one while {@code now < end}, otherwise the
     * last window starting at or before {@code now}, however many periods were skipped.
     */
    CounterWindow containing(Instant now, ResetPeriod period, boolean aligned) {
        if (!hasEnded(now)) {
            return this;
        }
        CounterWindow next = startingAt(end, period, aligned);
        if (!next.hasEnded(now)) {
            return next;
        }
        if (period.unit() == ResetPeriod.Unit.MONTH || period.unit() == ResetPeriod.Unit.YEAR) {
            // Calendar lengths vary: walk the grid (at most a few hundred steps, and only once per window).
            while (next.hasEnded(now)) {
                next = startingAt(next.end, period, aligned);
            }
            return next;
        }
        // Every later window has the same length (UTC has no DST; after the first boundary aligned days and weeks
        // are whole days and weeks), so jump straight to the window containing now.
        Duration length = Duration.between(next.start, next.end);
        long skipped = Duration.between(next.start, now).dividedBy(length);
        Instant start = next.start.plus(length.multipliedBy(skipped));
        return new CounterWindow(start, start.plus(length));
    }

    private static Instant calendarFloor(Instant now, ResetPeriod.Unit unit) {
        ZonedDateTime day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime floor = switch (unit) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
            default -> day;
        };
        return floor.toInstant();
    }
}
