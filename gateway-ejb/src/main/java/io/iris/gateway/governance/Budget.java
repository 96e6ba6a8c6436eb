package io.iris.gateway.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A spending limit in USD over a window. Owned by one customer, team, virtual key, VK provider config,
 * provider or model config (the owner's collection maps the owning column). Usage is kept by accounting.
 */
@Entity
@Table(name = "budgets")
public class Budget {
    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "max_limit", nullable = false, precision = 20, scale = 6)
    private BigDecimal maxLimit;

    @Column(name = "reset_duration", nullable = false)
    private String resetDuration;

    @Column(name = "calendar_aligned", nullable = false)
    private boolean calendarAligned;

    // Usage and window are written only by accounting's flush (a native update): an admin change to the budget
    // must not write back the usage it read, which may be older than the live counter's.
    @Column(name = "current_usage", nullable = false, updatable = false, precision = 20, scale = 6)
    private BigDecimal currentUsage = BigDecimal.ZERO;

    @Column(name = "last_reset", nullable = false, updatable = false)
    private Instant lastReset;

    protected Budget() {
    }

    public Budget(BudgetSpec spec, int position, Instant now) {
        this.lastReset = now;
        apply(spec, position);
    }

    /** Takes a new limit and window; usage and the current window are kept. */
    public void apply(BudgetSpec spec, int position) {
        this.position = position;
        this.maxLimit = spec.maxLimit();
        this.resetDuration = spec.resetDuration();
        this.calendarAligned = spec.calendarAligned();
    }

    public UUID getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public BigDecimal getMaxLimit() {
        return maxLimit;
    }

    public String getResetDuration() {
        return resetDuration;
    }

    public boolean isCalendarAligned() {
        return calendarAligned;
    }

    public BigDecimal getCurrentUsage() {
        return currentUsage;
    }

    public Instant getLastReset() {
        return lastReset;
    }
}
