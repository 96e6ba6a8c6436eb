package io.iris.gateway.providers;

import io.iris.gateway.persistence.AuditedEntity;
import io.iris.gateway.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/**
 * One credential of a provider. Its value is write-only: stored encrypted ({@code valueEncrypted}) with the
 * last four characters kept as a hint for the masked view.
 */
@Entity
@Table(name = "provider_keys")
public class ProviderKey extends AuditedEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "provider_id", nullable = false, updatable = false)
    private Provider provider;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "value_encrypted", nullable = false)
    private String valueEncrypted;

    @Column(name = "value_hint", nullable = false)
    private String valueHint;

    @Column(name = "weight", nullable = false)
    private double weight = 1.0;

    @Convert(converter = StringListConverter.class)
    @Column(name = "models", nullable = false)
    private List<String> models = List.of("*");

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected ProviderKey() {
    }

    public ProviderKey(Provider provider) {
        this.provider = provider;
    }

    public Provider getProvider() {
        return provider;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValueEncrypted() {
        return valueEncrypted;
    }

    public String getValueHint() {
        return valueHint;
    }

    public void setValue(String encrypted, String hint) {
        this.valueEncrypted = encrypted;
        this.valueHint = hint;
    }

    public double getWeight() {
        return weight;
    }

    public void setWeight(double weight) {
        this.weight = weight;
    }

    public List<String> getModels() {
        return models;
    }

    public void setModels(List<String> models) {
        this.models = List.copyOf(models);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
