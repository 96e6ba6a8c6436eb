package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.governance.ResetPeriod;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveCounterTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final CounterKey KEY = CounterKey.budget(UUID.randomUUID());

    private static CounterSpec spec(long limit, String period, boolean aligned, long used, Instant windowStart) {
        return new CounterSpec(KEY, limit, ResetPeriod.parse(period).orElseThrow(), aligned, used, windowStart);
    }

    private static LiveCounter hourly(long limit) {
        return new LiveCounter(spec(limit, "1h", false, 0, START), START);
    }

    @Test
    void tryReserve_usedBelowLimit_admitsAndCrossingRequestIsServed() {
        LiveCounter counter = hourly(100);
        counter.record(90, START);
        Optional<LiveCounter.Hold> hold = counter.tryReserve(50, START);
        assertTrue(hold.isPresent());
        counter.settle(hold.get(), 50, START);
        assertEquals(140, counter.used(START));
    }

    @Test
    void tryReserve_usedEqualsLimit_refuses() {
        LiveCounter counter = hourly(100);
        counter.record(100, START);
        assertTrue(counter.tryReserve(1, START).isEmpty());
    }

    @Test
    void tryReserve_reservationsReachLimit_refuses() {
        LiveCounter counter = hourly(100);
        assertTrue(counter.tryReserve(60, START).isPresent());
        assertTrue(counter.tryReserve(40, START).isPresent());
        assertTrue(counter.tryReserve(1, START).isEmpty());
    }

    @Test
    void tryReserve_zeroLimit_refuses() {
        assertTrue(hourly(0).tryReserve(0, START).isEmpty());
    }

    @Test
    void tryReserve_windowRolledExactlyAtEnd_admitsAgain() {
        LiveCounter counter = hourly(1);
        counter.record(1, START);
        Instant end = START.plusSeconds(3600);
        assertTrue(counter.tryReserve(1, end.minusNanos(1)).isEmpty());
        assertTrue(counter.tryReserve(1, end).isPresent());
        assertEquals(end, counter.windowStart(end));
        assertEquals(0, counter.used(end));
    }

    @Test
    void release_removesReservationOnly() {
        LiveCounter counter = hourly(10);
        LiveCounter.Hold hold = counter.tryReserve(10, START).orElseThrow();
        counter.release(hold, START);
        assertEquals(0, counter.reserved(START));
        assertEquals(0, counter.used(START));
        assertTrue(counter.tryReserve(10, START).isPresent());
    }

    @Test
    void settle_afterWindowRolled_chargesCurrentWindowAndLeavesItsReservations() {
        LiveCounter counter = hourly(100);
        LiveCounter.Hold old = counter.tryReserve(30, START).orElseThrow();
        Instant next = START.plusSeconds(3600);
        assertEquals(0, counter.reserved(next));
        LiveCounter.Hold current = counter.tryReserve(20, next).orElseThrow();
        counter.settle(old, 25, next);
        assertEquals(20, counter.reserved(next));
        assertEquals(25, counter.used(next));
        counter.settle(current, 5, next);
        assertEquals(0, counter.reserved(next));
        assertEquals(30, counter.used(next));
    }

    @Test
    void release_afterWindowRolled_neverGoesNegative() {
        LiveCounter counter = hourly(100);
        LiveCounter.Hold old = counter.tryReserve(30, START).orElseThrow();
        Instant next = START.plusSeconds(7200);
        counter.release(old, next);
        assertEquals(0, counter.reserved(next));
        assertEquals(0, counter.used(next));
    }

    @Test
    void percentUsed_halfUsed_fifty() {
        LiveCounter counter = hourly(200);
        counter.record(100, START);
        assertEquals(50.0, counter.percentUsed(START), 1e-9);
    }

    @Test
    void percentUsed_windowRolled_zero() {
        LiveCounter counter = hourly(200);
        counter.record(100, START);
        assertEquals(0.0, counter.percentUsed(START.plusSeconds(3600)), 1e-9);
    }

    @Test
    void percentUsed_zeroLimit_zero() {
        LiveCounter counter = hourly(0);
        counter.record(5, START);
        assertEquals(0.0, counter.percentUsed(START), 1e-9);
    }

    @Test
    void secondsToWindowEnd_partialSecond_roundsUpAndIsAtLeastOne() {
        LiveCounter counter = hourly(1);
        assertEquals(3600, counter.secondsToWindowEnd(START));
        assertEquals(1800, counter.secondsToWindowEnd(START.plusSeconds(1800)));
        assertEquals(1, counter.secondsToWindowEnd(START.plusSeconds(3600).minusMillis(1)));
        assertEquals(2, counter.secondsToWindowEnd(START.plusMillis(3598_500)));
    }

    @Test
    void constructor_storedWindowEnded_rollsForwardAndIsDueForFlush() {
        LiveCounter counter = new LiveCounter(spec(100, "1h", false, 70, START), START.plusSeconds(3 * 3600 + 60));
        assertEquals(START.plusSeconds(3 * 3600), counter.windowStart(START.plusSeconds(3 * 3600 + 60)));
        assertEquals(0, counter.used(START.plusSeconds(3 * 3600 + 60)));
        assertTrue(counter.changedSinceFlush());
    }

    @Test
    void constructor_storedWindowCurrent_restoresUsageNotDue() {
        LiveCounter counter = new LiveCounter(spec(100, "1d", true, 70, START), START.plusSeconds(60));
        assertEquals(70, counter.used(START.plusSeconds(60)));
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), counter.windowEnd(START));
        assertFalse(counter.changedSinceFlush());
    }

    @Test
    void constructor_neverReset_startsFreshWindow() {
        LiveCounter counter = new LiveCounter(spec(100, "1M", true, 0, null), START);
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), counter.windowStart(START));
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), counter.windowEnd(START));
    }

    @Test
    void reconfigure_samePeriod_keepsUsageWindowAndReservations() {
        LiveCounter counter = hourly(100);
        counter.record(80, START);
        LiveCounter.Hold hold = counter.tryReserve(10, START).orElseThrow();
        counter.reconfigure(spec(50, "1h", false, 0, null), START.plusSeconds(60));
        assertEquals(50, counter.limit());
        assertEquals(80, counter.used(START.plusSeconds(60)));
        assertEquals(START, counter.windowStart(START.plusSeconds(60)));
        assertTrue(counter.tryReserve(1, START.plusSeconds(60)).isEmpty());
        counter.release(hold, START.plusSeconds(60));
        assertEquals(0, counter.reserved(START.plusSeconds(60)));
    }

    @Test
    void reconfigure_newPeriod_startsFreshWindowKeepingUsage() {
        LiveCounter counter = hourly(100);
        counter.record(80, START);
        Instant now = START.plusSeconds(600);
        counter.reconfigure(spec(100, "1d", true, 0, null), now);
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), counter.windowStart(now));
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), counter.windowEnd(now));
        assertEquals(80, counter.used(now));
    }

    @Test
    void takeFlush_afterChange_reportsOnceWithUsageAndWindow() {
        LiveCounter counter = hourly(100);
        assertTrue(counter.takeFlush().isEmpty());
        counter.record(7, START);
        CounterStore.Flush flush = counter.takeFlush().orElseThrow();
        assertEquals(KEY, flush.key());
        assertEquals(7, flush.used());
        assertEquals(START, flush.windowStart());
        assertTrue(counter.takeFlush().isEmpty());
    }

    @Test
    void takeFlush_reservationOnly_notChanged() {
        LiveCounter counter = hourly(100);
        LiveCounter.Hold hold = counter.tryReserve(5, START).orElseThrow();
        counter.release(hold, START);
        assertTrue(counter.takeFlush().isEmpty());
    }

    @Test
    void flushFailed_noNewerChange_dueAgain() {
        LiveCounter counter = hourly(100);
        counter.record(7, START);
        CounterStore.Flush flush = counter.takeFlush().orElseThrow();
        counter.flushFailed(flush);
        assertEquals(7, counter.takeFlush().orElseThrow().used());
    }
}
