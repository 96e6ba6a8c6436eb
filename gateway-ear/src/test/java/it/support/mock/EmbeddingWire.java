package it.support.mock;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * OpenAI embeddings and the model list. A vector is derived from its input's text, so equal inputs get equal
 * vectors; {@code dimensions} is honoured (default 8), {@code encoding_format: "base64"} gives little-endian
 * float32 in base64 as the OpenAI SDKs request by default. Stateless.
 */
final class EmbeddingWire {
    static final int DEFAULT_DIMENSIONS = 8;
    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo-instruct",
            "text-embedding-3-small");
    private static final long CREATED = 1_700_000_000L;

    private EmbeddingWire() {
    }

    static void embeddings(MockExchange exchange, JsonObject body, String model) throws IOException {
        List<String> inputs = inputs(body.get("input"));
        if (inputs.isEmpty()) {
            exchange.invalid("'input' must be a non-empty string or array");
            return;
        }
        int dimensions = body.getInt("dimensions", DEFAULT_DIMENSIONS);
        if (dimensions < 1) {
            exchange.invalid("'dimensions' must be at least 1");
            return;
        }
        boolean base64 = "base64".equals(body.getString("encoding_format", "float"));
        JsonArrayBuilder data = Jsonp.array();
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = vector(inputs.get(i), dimensions);
            JsonValue embedding = base64 ? Jsonp.value(base64(vector)) : floats(vector).build();
            data.add(Jsonp.object().add("object", "embedding").add("index", i)
                    .add("embedding", embedding));
        }
        int tokens = Reply.promptTokens(body);
        exchange.json(200, Jsonp.object().add("object", "list").add("data", data).add("model", model)
                .add("usage", Jsonp.object().add("prompt_tokens", tokens).add("total_tokens", tokens))
                .build());
    }

    static void models(MockExchange exchange) throws IOException {
        JsonArrayBuilder data = Jsonp.array();
        MODELS.forEach(id -> data.add(model(id)));
        exchange.json(200, Jsonp.object().add("object", "list").add("data", data).build());
    }

    static void model(MockExchange exchange, String id) throws IOException {
        exchange.json(200, model(id));
    }

    private static JsonObject model(String id) {
        return Jsonp.object().add("id", id).add("object", "model").add("created", CREATED)
                .add("owned_by", "mock").build();
    }

    /** One text per embedding: a string, or an array of strings, token ids, or arrays of token ids. */
    private static List<String> inputs(JsonValue input) {
        List<String> texts = new ArrayList<>();
        if (input == null) {
            return texts;
        }
        if (input.getValueType() == JsonValue.ValueType.STRING) {
            texts.add(input.toString());
        } else if (input.getValueType() == JsonValue.ValueType.ARRAY && !input.asJsonArray().isEmpty()) {
            boolean tokens = input.asJsonArray().get(0).getValueType() == JsonValue.ValueType.NUMBER;
            if (tokens) {
                texts.add(input.toString());
            } else {
                input.asJsonArray().forEach(item -> texts.add(item.toString()));
            }
        }
        return texts;
    }

    private static float[] vector(String text, int dimensions) {
        Random random = new Random(text.hashCode());
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static JsonArrayBuilder floats(float[] vector) {
        JsonArrayBuilder array = Jsonp.array();
        for (float value : vector) {
            array.add(Double.parseDouble(Float.toString(value))); // the float's own digits, no noise
        }
        return array;
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
