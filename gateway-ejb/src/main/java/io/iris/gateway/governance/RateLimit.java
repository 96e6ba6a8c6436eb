package io.iris.gateway.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Request and token limits over fixed windows, owned by exactly one customer, team, virtual key, VK provider
 * config, provider or model config. Either half may be absent. Usage columns are maintained by accounting.
 */
@Entity
@Table(name = "rate_limits")
public class RateLimit {
    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "request_max_limit")
    private Long requestMaxLimit;

    @Column(name = "request_reset_duration")
    private String requestResetDuration;

    @Column(name = "token_max_limit")
    private Long tokenMaxLimit;

    @Column(name = "token_reset_duration")
    private String tokenResetDuration;

    // Written only by accounting's flush, like a budget's usage.
    @Column(name = "request_current_usage", nullable = false, updatable = false)
    private long requestCurrentUsage;

    @Column(name = "token_current_usage", nullable = false, updatable = false)
    private long tokenCurrentUsage;

    @Column(name = "request_last_reset", updatable = false)
    private Instant requestLastReset;

    @Column(name = "token_last_reset", updatable = false)
    private Instant tokenLastReset;

    protected RateLimit() {
    }

    public RateLimit(RateLimitSpec spec, Instant now) {
        apply(spec, now);
    }

    /** Takes new limits; usage is kept, and a window that was not there before starts now. */
    public void apply(RateLimitSpec spec, Instant now) {
        requestMaxLimit = spec.requestMaxLimit();
        requestResetDuration = spec.requestResetDuration();
        tokenMaxLimit = spec.tokenMaxLimit();
        tokenResetDuration = spec.tokenResetDuration();
        if (requestLastReset == null) {
            requestLastReset = now;
        }
        if (tokenLastReset == null) {
            tokenLastReset = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public Long getRequestMaxLimit() {
        return requestMaxLimit;
    }

    public String getRequestResetDuration() {
        return requestResetDuration;
    }

    public Long getTokenMaxLimit() {
        return tokenMaxLimit;
    }

    public String getTokenResetDuration() {
        return tokenResetDuration;
    }

    public long getRequestCurrentUsage() {
        return requestCurrentUsage;
    }

    public long getTokenCurrentUsage() {
        return tokenCurrentUsage;
    }

    public Instant getRequestLastReset() {
        return requestLastReset;
    }

    public Instant getTokenLastReset() {
        return tokenLastReset;
    }
}
