package io.iris.gateway.routing;

import io.iris.gateway.persistence.AuditedEntity;
import io.iris.gateway.persistence.StringListConverter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A routing rule: when its CEL expression holds for a request in its scope, one of its targets (picked by
 * weight) replaces the request's provider and model. The expression is always one that compiled when written.
 */
@Entity
@Table(name = "routing_rules")
public class RoutingRule extends AuditedEntity {
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description = "";

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Convert(converter = RuleScopeConverter.class)
    @Column(name = "scope", nullable = false)
    private RuleScope scope = RuleScope.GLOBAL;

    @Column(name = "scope_id")
    private UUID scopeId;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "cel_expression", nullable = false)
    private String celExpression = "";

    @Convert(converter = StringListConverter.class)
    @Column(name = "fallbacks", nullable = false)
    private List<String> fallbacks = List.of();

    @Column(name = "chain_rule", nullable = false)
    private boolean chainRule;

    @OneToMany(mappedBy = "rule", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("position")
    private List<RoutingTarget> targets = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public RuleScope getScope() {
        return scope;
    }

    /** The customer, team or virtual key the rule belongs to; null for global rules. */
    public UUID getScopeId() {
        return scopeId;
    }

    public void setScope(RuleScope scope, UUID scopeId) {
        this.scope = scope;
        this.scopeId = scopeId;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getCelExpression() {
        return celExpression;
    }

    public void setCelExpression(String celExpression) {
        this.celExpression = celExpression;
    }

    /** Fallbacks as {@code provider/model} strings, {@code provider/} keeping the current model. */
    public List<String> getFallbacks() {
        return fallbacks;
    }

    public void setFallbacks(List<String> fallbacks) {
        this.fallbacks = List.copyOf(fallbacks);
    }

    public boolean isChainRule() {
        return chainRule;
    }

    public void setChainRule(boolean chainRule) {
        this.chainRule = chainRule;
    }

    public List<RoutingTarget> getTargets() {
        return targets;
    }
}
