package io.iris.gateway.observability;

import io.iris.gateway.common.Validation;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters of the request log API read into values. A missing or blank parameter is absent; a bad one is
 * collected, so that one 400 names every bad parameter at once. Not thread-safe: one instance per request.
 */
final class LogParams {
    private final Map<String, String> given;
    private final Validation validation = new Validation();

    LogParams(Map<String, String> given) {
        this.given = given;
    }

    Optional<String> text(String name) {
        Optional<String> value = raw(name);
        if (value.isPresent() && value.get().length() > Validation.MAX_NAME_LENGTH) {
            validation.reject(name, "must be at most " + Validation.MAX_NAME_LENGTH + " characters");
            return Optional.empty();
        }
        return value;
    }

    /** A UUID in its canonical 36-character form ({@code UUID.fromString} alone also takes {@code 1-1-1-1-1}). */
    Optional<UUID> uuid(String name) {
        return parsed(name, value -> {
            if (value.length() != 36) {
                throw new IllegalArgumentException("not 36 characters");
            }
            return UUID.fromString(value);
        }, "must be a UUID");
    }

    /** An ISO-8601 instant; an offset other than Z is converted ({@code 2026-03-01T09:00:00+01:00}). */
    Optional<Instant> instant(String name) {
        return parsed(name, Instant::parse, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }

    Optional<Integer> integer(String name, int min, int max) {
        return parsed(name, value -> {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        }, "must be a whole number from " + min + " to " + max);
    }

    /** Rejects a range whose end is not after its start. */
    void range(Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            validation.reject("to", "must be after from");
        }
    }

    void reject(String name, String message) {
        validation.reject(name, message);
    }

    /** @throws io.iris.gateway.common.InvalidInputException naming every bad parameter */
    void throwIfInvalid() {
        validation.throwIfInvalid();
    }

    /** The parameter as {@code parser} reads it; a value it throws on is rejected with {@code message}. */
    private <T> Optional<T> parsed(String name, Function<String, T> parser, String message) {
        return raw(name).flatMap(value -> {
            try {
                return Optional.of(parser.apply(value));
            } catch (IllegalArgumentException | DateTimeException e) {
                validation.reject(name, message);
                return Optional.empty();
            }
        });
    }

    private Optional<String> raw(String name) {
        String value = given.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
