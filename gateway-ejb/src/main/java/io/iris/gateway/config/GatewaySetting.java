package io.iris.gateway.config;

import io.iris.gateway.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored gateway setting; the typed view of all of them is {@link GatewayConfig}. */
@Entity
@Table(name = "gateway_config")
public class GatewaySetting {
    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "setting_value", nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected GatewaySetting() {
    }

    public GatewaySetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @PrePersist
    @PreUpdate
    void stamp() {
        updatedAt = Timestamps.now();
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
