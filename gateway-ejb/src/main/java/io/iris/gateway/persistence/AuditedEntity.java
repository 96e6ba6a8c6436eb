package io.iris.gateway.persistence;

import io.iris.gateway.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.util.UUID;

/** A top-level aggregate: a random UUID identity and creation/update times kept by the persistence layer. */
@MappedSuperclass
public abstract class AuditedEntity {
    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @PrePersist
    void onCreate() {
        // Microseconds: what both H2 and PostgreSQL store, so a read returns what was written.
        createdAt = Timestamps.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Timestamps.now();
    }

    /** Marks the aggregate changed when only its child rows changed, which JPA would not notice. */
    public void touch() {
        updatedAt = Timestamps.now();
    }

    public UUID getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
