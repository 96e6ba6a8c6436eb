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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A budget and rate limit on one model, on one provider or on any provider ({@code providerId} null). */
@Entity
@Table(name = "model_configs")
public class ModelConfig extends AuditedEntity implements LimitHolder {
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "model", nullable = false)
    private String model;

    @Column(name = "provider_id")
    private UUID providerId;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "model_config_id")
    @OrderBy("position")
    private List<Budget> budgets = new ArrayList<>();

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "rate_limit_id")
    private RateLimit rateLimit;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** The provider this config is limited to, or null for any provider. */
    public UUID getProviderId() {
        return providerId;
    }

    public void setProviderId(UUID providerId) {
        this.providerId = providerId;
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
