package it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Small JSON builders for test bodies. */
public final class Bodies {
    private Bodies() {
    }

    public static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }

    public static JsonArray strings(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array.build();
    }

    public static JsonArray array(JsonObjectBuilder... items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObjectBuilder item : items) {
            array.add(item);
        }
        return array.build();
    }

    public static JsonObject budget(double maxLimit, String resetDuration) {
        return object().add("max_limit", maxLimit).add("reset_duration", resetDuration).build();
    }

    /** An OpenAI-type provider with one key whose value is {@code keyValue}. */
    public static JsonObject provider(String name, String keyValue) {
        return object().add("name", name).add("type", "openai").add("base_url", "http://127.0.0.1:1/v1")
                .add("models", strings("gpt-4o", "gpt-4o-mini"))
                .add("keys", array(object().add("name", "primary").add("value", keyValue)))
                .build();
    }
}
