package io.iris.gateway.providers;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Optional;

/** Reads token usage out of OpenAI-format bodies and stream chunks. Stateless. */
public final class UsageJson {
    private UsageJson() {
    }

    /** {@code usage.prompt_tokens} and {@code usage.completion_tokens} of a body; empty when absent. */
    public static Optional<Usage> openAi(byte[] body) {
        return parse(body).flatMap(UsageJson::openAiUsage);
    }

    /** The same, for one stream chunk's data; empty when the chunk carries no usage. */
    public static Optional<Usage> openAiChunk(String data) {
        if (!data.contains("\"usage\"")) {
            return Optional.empty();
        }
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(data))) {
            return reader.readValue() instanceof JsonObject o ? openAiUsage(o) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<Usage> openAiUsage(JsonObject body) {
        if (!(body.get("usage") instanceof JsonObject usage)) {
            return Optional.empty();
        }
        return Optional.of(new Usage(number(usage, "prompt_tokens"), number(usage, "completion_tokens")));
    }

    static Optional<JsonObject> parse(byte[] body) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    static long number(JsonObject object, String field) {
        return object.get(field) instanceof JsonNumber n ? n.longValue() : 0;
    }
}
