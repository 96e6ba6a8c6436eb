package io.iris.gateway.governance.accounting;

import io.iris.gateway.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The list price of one model at one provider, in USD per million input and output tokens. */
@Entity
@Table(name = "pricing")
public class Price extends AuditedEntity {
    @Column(name = "provider", nullable = false)
    private String provider;

    @Column(name = "model", nullable = false)
    private String model;

    @Column(name = "input_per_million", nullable = false, precision = 20, scale = 6)
    private BigDecimal inputPerMillion;

    @Column(name = "output_per_million", nullable = false, precision = 20, scale = 6)
    private BigDecimal outputPerMillion;

    public String getProvider() {
        return provider;
    }

    public String getModel() {
        return model;
    }

    public void setProviderAndModel(String provider, String model) {
        this.provider = provider;
        this.model = model;
    }

    public BigDecimal getInputPerMillion() {
        return inputPerMillion;
    }

    public BigDecimal getOutputPerMillion() {
        return outputPerMillion;
    }

    public void setPrices(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        this.inputPerMillion = inputPerMillion;
        this.outputPerMillion = outputPerMillion;
    }
}
