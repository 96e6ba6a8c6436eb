package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.ResetPeriod;
import java.time.Instant;
import java.util.Objects;

/**
 * The configuration of one counter and its usage as last stored, which is what a restart restores from.
 * {@code limit} is in micro-USD for budgets ({@link Money#micros}) and in requests or tokens for rate limits;
 * {@code calendarAligned} only means something for budgets whose period can align ({@link
 * ResetPeriod#canAlignToCalendar()}). A null {@code windowStart} means "never reset": the counter starts a fresh
 * window. Immutable.
 */
public record CounterSpec(CounterKey key, long limit, ResetPeriod period, boolean calendarAligned, long used,
                          Instant windowStart) {
    public CounterSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(period, "period");
    }

    /** Whether windows really start at calendar boundaries: asked for, and possible for this period. */
    public boolean aligned() {
        return calendarAligned && period.canAlignToCalendar();
    }
}
