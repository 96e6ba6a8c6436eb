package io.iris.gateway.providers;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.JsonScanner;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Optional;

/** Reads token usage out of OpenAI-format bodies and stream chunks. Stateless. */
public final class UsageJson {
    private UsageJson() {
    }

    /**
     * {@code usage.prompt_tokens} and {@code usage.completion_tokens} of a body; empty when absent or the body is not
     * a JSON object. Only the {@code usage} member is parsed into objects: the rest of the answer (choices, their
     * messages) is only scanned, which on every served request allocated most of what reading usage cost.
     */
    public static Optional<Usage> openAi(byte[] body) {
        try {
            for (JsonScanner.Member member : JsonScanner.members(body)) {
                if (member.key().equals("usage")) {
                    return object(JsonP.reader(body, member.valueStart(), member.valueEnd()))
                            .flatMap(UsageJson::usageFields);
                }
            }
            return Optional.empty();
        } catch (JsonScanner.MalformedJsonException strictlyNotJson) {
            // The scanner is strict; JSON-P may still read it (a byte-order mark, say), as it did before.
            return object(JsonP.PROVIDER.createReader(new ByteArrayInputStream(body))).flatMap(UsageJson::openAiUsage);
        }
    }

    /** The usage of a {@code usage} member that {@link JsonScanner} found in {@code json}; empty unless an object. */
    public static Optional<Usage> ofMember(byte[] json, JsonScanner.Member usage) {
        if (json[usage.valueStart()] != '{') {
            return Optional.empty();
        }
        return object(JsonP.reader(json, usage.valueStart(), usage.valueEnd())).flatMap(UsageJson::usageFields);
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
        return body.get("usage") instanceof JsonObject usage ? usageFields(usage) : Optional.empty();
    }

    private static Optional<Usage> usageFields(JsonObject usage) {
        return Optional.of(new Usage(number(usage, "prompt_tokens"), number(usage, "completion_tokens")));
    }

    private static Optional<JsonObject> object(JsonReader reader) {
        try (reader) {
            return reader.readValue() instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    static long number(JsonObject object, String field) {
        return object.get(field) instanceof JsonNumber n ? n.longValue() : 0;
    }
}
