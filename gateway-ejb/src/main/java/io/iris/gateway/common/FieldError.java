package io.iris.gateway.common;

import java.util.Objects;

/**
 * One reason a write was rejected: the JSON path of the offending field ({@code budgets[0].max_limit}) and
 * what is wrong with it, in lower case and without the rejected value when that value could be a secret.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
