package it.support.mock;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * One JSON provider for the mock: {@code Json.createXxx} looks the provider up through the ServiceLoader on
 * every call, which costs milliseconds per response on a test classpath. Thread-safe.
 */
final class Jsonp {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    static JsonObjectBuilder object(JsonObject copy) {
        return PROVIDER.createObjectBuilder(copy);
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    static JsonString value(String text) {
        return PROVIDER.createValue(text);
    }

    static JsonReader reader(String text) {
        return PROVIDER.createReader(new StringReader(text));
    }
}
