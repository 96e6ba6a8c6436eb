package io.iris.gateway.common;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A write that cannot be accepted as sent; nothing was changed. Maps to 400. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
