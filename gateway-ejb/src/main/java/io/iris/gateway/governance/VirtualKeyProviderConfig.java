package io.iris.gateway.governance;

import io.iris.gateway.persistence.StringListConverter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * What one virtual key may do with one provider: its weight among the key's providers, the models it may
 * use ({@code ["*"]} all, {@code []} none, {@code regex:} entries), models blocked whatever else allows
 * them, the provider keys it may use (empty: any), and its own budgets and rate limit.
 */
@Entity
@Table(name = "vk_provider_configs")
public class VirtualKeyProviderConfig implements LimitHolder {
    @Id
    private UUID id = UUID.randomUUID();

    @ManyToOne(optional = false)
    @JoinColumn(name = "virtual_key_id", nullable = false)
    private VirtualKey virtualKey;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "provider_id", nullable = false)
    private UUID providerId;

    @Column(name = "weight", nullable = false)
    private double weight;

    @Convert(converter = StringListConverter.class)
    @Column(name = "allowed_models", nullable = false)
    private List<String> allowedModels = List.of("*");

    @Convert(converter = StringListConverter.class)
    @Column(name = "blocked_models", nullable = false)
    private List<String> blockedModels = List.of();

    @Convert(converter = StringListConverter.class)
    @Column(name = "key_ids", nullable = false)
    private List<String> keyIds = List.of();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "vk_provider_config_id")
    @OrderBy("position")
    private List<Budget> budgets = new ArrayList<>();

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "rate_limit_id")
    private RateLimit rateLimit;

    protected VirtualKeyProviderConfig() {
    }

    public VirtualKeyProviderConfig(VirtualKey virtualKey, UUID providerId) {
        this.virtualKey = virtualKey;
        this.providerId = providerId;
    }

    public UUID getId() {
        return id;
    }

    public VirtualKey getVirtualKey() {
        return virtualKey;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public UUID getProviderId() {
        return providerId;
    }

    public double getWeight() {
        return weight;
    }

    public void setWeight(double weight) {
        this.weight = weight;
    }

    public List<String> getAllowedModels() {
        return allowedModels;
    }

    public void setAllowedModels(List<String> allowedModels) {
        this.allowedModels = List.copyOf(allowedModels);
    }

    public List<String> getBlockedModels() {
        return blockedModels;
    }

    public void setBlockedModels(List<String> blockedModels) {
        this.blockedModels = List.copyOf(blockedModels);
    }

    /** Provider key ids (as strings) this config may use; empty means any key of the provider. */
    public List<String> getKeyIds() {
        return keyIds;
    }

    public void setKeyIds(List<String> keyIds) {
        this.keyIds = List.copyOf(keyIds);
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
