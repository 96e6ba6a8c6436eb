package io.iris.gateway.common;

import jakarta.ejb.ApplicationException;

/** The addressed resource does not exist. Maps to 404. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException(kind + " '" + id + "' does not exist");
    }
}
