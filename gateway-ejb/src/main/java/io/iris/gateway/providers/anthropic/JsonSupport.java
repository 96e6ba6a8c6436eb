package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient JSON-P access for the translators: getters return null (or 0) for absent or mistyped fields,
 * so that vendor bodies with fields of an unexpected type degrade instead of failing. Stateless and
 * thread-safe; the factories are created once.
 */
final class JsonSupport {

    private static final JsonReaderFactory READERS = JsonP.PROVIDER.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = JsonP.PROVIDER.createWriterFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = JsonP.PROVIDER.createBuilderFactory(Map.of());

    private JsonSupport() {
    }

    static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    /** The body as a JSON object, or empty when it is null, not JSON, or not an object. */
    static Optional<JsonObject> parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            return asObject(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The text as a JSON value, or empty when it is null or not JSON. */
    static Optional<JsonValue> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The body as a JSON object; a request that is not one cannot be translated. */
    static JsonObject requireObject(byte[] body) {
        return parseObject(body).orElseThrow(
                () -> new IllegalArgumentException("the request body is not a json object"));
    }

    static Optional<JsonObject> asObject(JsonValue value) {
        return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    static JsonObject object(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject v ? v : null;
    }

    static JsonArray array(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonArray v ? v : null;
    }

    static String string(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonString v ? v.getString() : null;
    }

    /**
     * A string field a translation cannot do without.
     *
     * @throws IllegalArgumentException naming {@code what} when the field is absent or not a string
     */
    static String required(JsonObject o, String key, String what) {
        String value = string(o, key);
        if (value == null) {
            throw new IllegalArgumentException(what + " has no " + key);
        }
        return value;
    }

    /** A whole non-negative count, 0 when absent, mistyped or negative. */
    static long count(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber v ? Math.max(0, v.longValue()) : 0;
    }

    static boolean has(JsonObject o, String key) {
        return o != null && o.containsKey(key) && o.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    static String write(JsonStructure value) {
        StringWriter out = new StringWriter(256);
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    static byte[] bytes(JsonStructure value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Arguments text as a JSON object: anything else, invalid JSON included, becomes {@code {}}. */
    static JsonObject argumentsObject(String arguments) {
        return parse(arguments).flatMap(JsonSupport::asObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }
}
