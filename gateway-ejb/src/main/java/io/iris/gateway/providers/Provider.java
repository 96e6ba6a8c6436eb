package io.iris.gateway.providers;

import io.iris.gateway.governance.Budget;
import io.iris.gateway.governance.LimitHolder;
import io.iris.gateway.governance.RateLimit;
import io.iris.gateway.persistence.AuditedEntity;
import io.iris.gateway.persistence.StringListConverter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** An upstream LLM service, addressed by its unique name, with the keys the gateway calls it with. */
@Entity
@Table(name = "providers")
public class Provider extends AuditedEntity implements LimitHolder {
    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Convert(converter = ProviderTypeConverter.class)
    @Column(name = "type", nullable = false)
    private ProviderType type;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Column(name = "api_version")
    private String apiVersion;

    @Convert(converter = StringListConverter.class)
    @Column(name = "models", nullable = false)
    private List<String> models = List.of();

    @Embedded
    private NetworkSettings network = new NetworkSettings();

    @OneToMany(mappedBy = "provider", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("position")
    private List<ProviderKey> keys = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "provider_id")
    @OrderBy("position")
    private List<Budget> budgets = new ArrayList<>();

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "rate_limit_id")
    private RateLimit rateLimit;

    protected Provider() {
    }

    public Provider(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public ProviderType getType() {
        return type;
    }

    public void setType(ProviderType type) {
        this.type = type;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Azure's api-version; null for other types. */
    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public List<String> getModels() {
        return models;
    }

    public void setModels(List<String> models) {
        this.models = List.copyOf(models);
    }

    public NetworkSettings getNetwork() {
        return network;
    }

    public void setNetwork(NetworkSettings network) {
        this.network = network;
    }

    public List<ProviderKey> getKeys() {
        return keys;
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
