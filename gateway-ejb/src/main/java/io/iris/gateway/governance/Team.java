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

/** A group of virtual keys, optionally inside a customer. */
@Entity
@Table(name = "teams")
public class Team extends AuditedEntity implements LimitHolder {
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "customer_id")
    private UUID customerId;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "team_id")
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

    /** The owning customer, or null. */
    public UUID getCustomerId() {
        return customerId;
    }

    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
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
