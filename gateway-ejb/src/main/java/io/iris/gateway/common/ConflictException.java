package io.iris.gateway.common;

import jakarta.ejb.ApplicationException;

/**
 * The write clashes with existing state: a duplicate unique name, or a delete of something still referenced.
 * Maps to 409. {@code field} names the field at fault, or is null when the whole resource is.
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
