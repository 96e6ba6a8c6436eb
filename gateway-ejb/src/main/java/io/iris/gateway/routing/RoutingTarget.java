package io.iris.gateway.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One weighted destination of a rule. A null provider or model keeps the request's current one. */
@Entity
@Table(name = "routing_targets")
public class RoutingTarget {
    @Id
    private UUID id = UUID.randomUUID();

    @ManyToOne(optional = false)
    @JoinColumn(name = "rule_id", nullable = false, updatable = false)
    private RoutingRule rule;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "provider_id")
    private UUID providerId;

    @Column(name = "model")
    private String model;

    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "weight", nullable = false)
    private double weight;

    protected RoutingTarget() {
    }

    public RoutingTarget(RoutingRule rule, int position, UUID providerId, String model, UUID keyId, double weight) {
        this.rule = rule;
        this.position = position;
        this.providerId = providerId;
        this.model = model;
        this.keyId = keyId;
        this.weight = weight;
    }

    public UUID getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public UUID getProviderId() {
        return providerId;
    }

    public String getModel() {
        return model;
    }

    public UUID getKeyId() {
        return keyId;
    }

    public double getWeight() {
        return weight;
    }
}
