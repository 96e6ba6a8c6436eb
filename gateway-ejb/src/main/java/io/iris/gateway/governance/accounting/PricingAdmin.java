package io.iris.gateway.governance.accounting;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Validation;
import io.iris.gateway.persistence.Store;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The pricing table: one price per provider and model. */
@Stateless
public class PricingAdmin {
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    @PersistenceContext(unitName = "iris")
    EntityManager em;

    public List<Price> list() {
        return em.createQuery("select p from Price p order by p.provider, p.model", Price.class).getResultList();
    }

    public Price get(UUID id) {
        Price price = id == null ? null : em.find(Price.class, id);
        if (price == null) {
            throw NotFoundException.of("price", id);
        }
        return price;
    }

    public Price create(PriceSpec spec) {
        validate(spec, null);
        Price price = new Price();
        apply(price, spec);
        em.persist(price);
        Store.flush(em, "model", "a price for this provider and model already exists");
        return price;
    }

    public Price replace(UUID id, PriceSpec spec) {
        Price price = get(id);
        validate(spec, price);
        apply(price, spec);
        Store.flush(em, "model", "a price for this provider and model already exists");
        return price;
    }

    public void delete(UUID id) {
        em.remove(get(id));
    }

    private void validate(PriceSpec spec, Price current) {
        Validation v = new Validation();
        v.name("provider", spec.provider());
        v.name("model", spec.model());
        amount(v, "input_per_million", spec.inputPerMillion());
        amount(v, "output_per_million", spec.outputPerMillion());
        v.throwIfInvalid();
        boolean taken = em.createQuery("select p from Price p where p.provider = :provider and p.model = :model",
                        Price.class)
                .setParameter("provider", spec.provider()).setParameter("model", spec.model())
                .getResultStream()
                .anyMatch(other -> current == null || !other.getId().equals(current.getId()));
        if (taken) {
            throw new ConflictException("model", "a price for " + spec.provider() + "/" + spec.model()
                    + " already exists");
        }
    }

    private static void amount(Validation v, String field, BigDecimal value) {
        if (value == null) {
            v.reject(field, "is required");
        } else {
            v.check(value.signum() >= 0 && value.compareTo(MAX_PRICE) <= 0, field,
                    "must be between 0 and " + MAX_PRICE.toPlainString());
        }
    }

    private static void apply(Price price, PriceSpec spec) {
        price.setProviderAndModel(spec.provider(), spec.model());
        price.setPrices(spec.inputPerMillion(), spec.outputPerMillion());
    }
}
