package io.iris.gateway.providers.anthropic;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Test helpers to write JSON bodies as text and read translated bodies back. */
final class Wire {

    private Wire() {
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonObject json(byte[] bytes) {
        return json(new String(bytes, StandardCharsets.UTF_8));
    }
}
