package io.iris.gateway.web.json;

import io.iris.gateway.common.Validation;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A typed, tolerant reader over one JSON object of a request. Absent and {@code null} fields read as null; a
 * field of the wrong type is recorded in the shared {@link Validation} under its full path and reads as null,
 * so one pass reports every type error. Fields it is not asked about are ignored (so a GET response can be
 * sent back as a PUT). Not thread-safe.
 */
public final class JsonInput {
    private final JsonObject object;
    private final String path;
    private final Validation errors;

    public JsonInput(JsonObject object, String path, Validation errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    public Validation errors() {
        return errors;
    }

    public boolean has(String name) {
        return object.containsKey(name);
    }

    public String string(String name) {
        JsonValue value = value(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null ? null : wrongType(name, "a string");
    }

    public Boolean bool(String name) {
        JsonValue value = value(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        return value == null ? null : wrongType(name, "true or false");
    }

    public Integer integer(String name) {
        JsonNumber number = number(name, "an integer");
        if (number == null) {
            return null;
        }
        try {
            return number.bigDecimalValue().intValueExact();
        } catch (ArithmeticException e) {
            return wrongType(name, "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
    }

    public Long longInteger(String name) {
        JsonNumber number = number(name, "an integer");
        if (number == null) {
            return null;
        }
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            return wrongType(name, "an integer");
        }
    }

    public BigDecimal decimal(String name) {
        JsonNumber number = number(name, "a number");
        return number == null ? null : number.bigDecimalValue();
    }

    public Double decimalAsDouble(String name) {
        BigDecimal value = decimal(name);
        return value == null ? null : value.doubleValue();
    }

    public UUID uuid(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return wrongType(name, "a UUID");
        }
    }

    public Instant instant(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return wrongType(name, "an ISO-8601 UTC timestamp such as 2030-01-31T00:00:00Z");
        }
    }

    /** A list of strings; null when absent. */
    public List<String> strings(String name) {
        JsonArray array = array(name);
        if (array == null) {
            return null;
        }
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                values.add(s.getString());
            } else {
                errors.reject(field(name) + "[" + i + "]", "must be a string");
            }
        }
        return values;
    }

    /** A list of UUIDs written as strings, returned in canonical lower-case form; null when absent. */
    public List<String> uuidStrings(String name) {
        List<String> values = strings(name);
        if (values == null) {
            return null;
        }
        List<String> canonical = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                canonical.add(UUID.fromString(values.get(i)).toString());
            } catch (IllegalArgumentException e) {
                errors.reject(field(name) + "[" + i + "]", "must be a UUID");
            }
        }
        return canonical;
    }

    /** A list of objects; null when absent. */
    public List<JsonInput> objects(String name) {
        JsonArray array = array(name);
        if (array == null) {
            return null;
        }
        List<JsonInput> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String itemPath = field(name) + "[" + i + "]";
            if (array.get(i) instanceof JsonObject o) {
                values.add(new JsonInput(o, itemPath, errors));
            } else {
                errors.reject(itemPath, "must be an object");
            }
        }
        return values;
    }

    /** An object whose values are all strings, as a map; null when absent. */
    public Map<String, String> stringMap(String name) {
        JsonValue value = value(name);
        if (!(value instanceof JsonObject o)) {
            return value == null ? null : wrongType(name, "an object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        o.forEach((key, item) -> {
            if (item instanceof JsonString s) {
                values.put(key, s.getString());
            } else {
                errors.reject(field(name) + "." + key, "must be a string");
            }
        });
        return values;
    }

    /** A nested object as it was written (for bodies passed on whole); null when absent or null. */
    public JsonObject rawObject(String name) {
        JsonValue value = value(name);
        if (value instanceof JsonObject o) {
            return o;
        }
        return value == null ? null : wrongType(name, "an object");
    }

    /** A nested object; null when absent or null. */
    public JsonInput object(String name) {
        JsonValue value = value(name);
        if (value instanceof JsonObject o) {
            return new JsonInput(o, field(name), errors);
        }
        return value == null ? null : wrongType(name, "an object");
    }

    private JsonArray array(String name) {
        JsonValue value = value(name);
        if (value instanceof JsonArray a) {
            return a;
        }
        return value == null ? null : wrongType(name, "an array");
    }

    private JsonNumber number(String name, String expected) {
        JsonValue value = value(name);
        if (value instanceof JsonNumber n) {
            return n;
        }
        return value == null ? null : wrongType(name, expected);
    }

    private JsonValue value(String name) {
        JsonValue value = object.get(name);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    private <T> T wrongType(String name, String expected) {
        errors.reject(field(name), "must be " + expected);
        return null;
    }

    private String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
