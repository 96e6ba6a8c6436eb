package io.iris.gateway.persistence;

import io.iris.gateway.common.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/** Small query helpers shared by the admin services. Stateless; every call uses the caller's transaction. */
public final class Store {
    private Store() {
    }

    public static <T> Optional<T> findBy(EntityManager em, Class<T> type, String field, Object value) {
        List<T> found = em.createQuery("select e from " + type.getSimpleName() + " e where e." + field + " = :v", type)
                .setParameter("v", value)
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }

    public static boolean exists(EntityManager em, Class<?> type, String field, Object value) {
        return !em.createQuery("select 1 from " + type.getSimpleName() + " e where e." + field + " = :v")
                .setParameter("v", value)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * Writes pending changes now, so that a unique constraint that another writer won in a race surfaces here
     * as a 409 rather than as a failed commit.
     */
    public static void flush(EntityManager em, String field, String conflictMessage) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException(field, conflictMessage);
        }
    }
}
