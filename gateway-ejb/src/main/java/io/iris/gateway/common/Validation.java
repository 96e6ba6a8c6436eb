package io.iris.gateway.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors of one write so that all of them are reported at once, then throws.
 * Not thread-safe: one instance per write.
 */
public final class Validation {
    public static final int MAX_NAME_LENGTH = 255;

    private final List<FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            reject(field, message);
        }
        return ok;
    }

    /**
     * A required display name: 1 to 255 characters, not only whitespace, without control characters (names
     * end up in logs, headers and the console, where a line break or an escape sequence would forge content).
     */
    public void name(String field, String value) {
        if (value == null) {
            reject(field, "is required");
        } else if (value.isBlank()) {
            reject(field, "must not be empty");
        } else if (value.length() > MAX_NAME_LENGTH) {
            reject(field, "must be at most " + MAX_NAME_LENGTH + " characters");
        } else {
            noControlCharacters(field, value);
        }
    }

    /**
     * A list of short strings (model names, ids): at most {@code maxItems}, each 1 to 255 characters without
     * control characters.
     */
    public void shortStrings(String field, java.util.List<String> values, int maxItems) {
        if (values == null) {
            return;
        }
        check(values.size() <= maxItems, field, "must have at most " + maxItems + " entries");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (check(value != null && !value.isBlank() && value.length() <= MAX_NAME_LENGTH, field + "[" + i + "]",
                    "must be 1 to " + MAX_NAME_LENGTH + " characters")) {
                noControlCharacters(field + "[" + i + "]", value);
            }
        }
    }

    /** Rejects a value holding a character that must not reach a header or a log line ({@link SafeText}). */
    public boolean noControlCharacters(String field, String value) {
        return check(value == null || !SafeText.hasUnsafe(value), field,
                "must not contain control characters, line breaks or invisible format characters");
    }

    public void required(String field, Object value) {
        if (value == null) {
            reject(field, "is required");
        }
    }

    public void finite(String field, double value) {
        check(Double.isFinite(value), field, "must be a finite number");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
