package io.iris.gateway.governance;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Timestamps;
import io.iris.gateway.common.Validation;
import io.iris.gateway.persistence.Store;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Customers: create, read, replace, delete. A customer still used by a team, key or rule cannot be deleted. */
@Stateless
public class CustomerAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    GovernanceReferences references;

    public List<Customer> list() {
        return em.createQuery("select c from Customer c order by c.name", Customer.class).getResultList();
    }

    public Customer get(UUID id) {
        Customer customer = id == null ? null : em.find(Customer.class, id);
        if (customer == null) {
            throw NotFoundException.of("customer", id);
        }
        return customer;
    }

    public Customer create(CustomerSpec spec) {
        validate(spec, null);
        Customer customer = new Customer();
        apply(customer, spec);
        em.persist(customer);
        Store.flush(em, "name", "a customer with this name already exists");
        return customer;
    }

    public Customer replace(UUID id, CustomerSpec spec) {
        Customer customer = get(id);
        validate(spec, customer);
        apply(customer, spec);
        customer.touch();
        Store.flush(em, "name", "a customer with this name already exists");
        return customer;
    }

    public void delete(UUID id) {
        Customer customer = get(id);
        references.whoUsesCustomer(id).ifPresent(user -> {
            throw new ConflictException(null, "customer '" + customer.getName() + "' is still used by " + user);
        });
        em.remove(customer);
    }

    private void validate(CustomerSpec spec, Customer current) {
        Validation v = new Validation();
        v.name("name", spec.name());
        Limits.validate(v, "", current, spec.budgets(), spec.rateLimit());
        v.throwIfInvalid();
        Store.findBy(em, Customer.class, "name", spec.name())
                .filter(other -> current == null || !other.getId().equals(current.getId()))
                .ifPresent(other -> {
                    throw new ConflictException("name", "a customer named '" + spec.name() + "' already exists");
                });
    }

    private static void apply(Customer customer, CustomerSpec spec) {
        customer.setName(spec.name());
        Limits.apply(customer, spec.budgets(), spec.rateLimit(), Timestamps.now());
    }
}
