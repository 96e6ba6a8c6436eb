package io.iris.gateway.governance;

import io.iris.gateway.persistence.AuditedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * The credential of one calling application. Only the SHA-256 of its value is stored, with the last four
 * characters as a hint; the value itself exists once, in the create response. Belongs to a team, to a
 * customer, or to neither, never to both.
 */
@Entity
@Table(name = "virtual_keys")
public class VirtualKey extends AuditedEntity implements LimitHolder {
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "key_hint", nullable = false, updatable = false)
    private String keyHint;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "customer_id")
    private UUID customerId;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "allow_all_providers", nullable = false)
    private boolean allowAllProviders;

    @OneToMany(mappedBy = "virtualKey", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("position")
    private List<VirtualKeyProviderConfig> providerConfigs = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "virtual_key_id")
    @OrderBy("position")
    private List<Budget> budgets = new ArrayList<>();

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "rate_limit_id")
    private RateLimit rateLimit;

    protected VirtualKey() {
    }

    public VirtualKey(String keyHash, String keyHint) {
        this.keyHash = keyHash;
        this.keyHint = keyHint;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public String getKeyHint() {
        return keyHint;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public boolean isAllowAllProviders() {
        return allowAllProviders;
    }

    public void setAllowAllProviders(boolean allowAllProviders) {
        this.allowAllProviders = allowAllProviders;
    }

    public List<VirtualKeyProviderConfig> getProviderConfigs() {
        return providerConfigs;
    }

    @Override
    public List<Budget> getBudgets() {
        return budgets;
    }

    @Override
    public RateLimit getRateLimit() {
        return rateLimit;
    }

    @Override
    public void setRateLimit(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }
}
