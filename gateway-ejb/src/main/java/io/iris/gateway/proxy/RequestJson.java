package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.JsonScanner;
import io.iris.gateway.common.JsonSplice;
import io.iris.gateway.common.JsonStrings;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client's request body as the proxy sees it: the raw bytes, the few fields routing and governance need,
 * and a splice that rewrites {@code model} and removes the gateway's own fields while every other byte passes
 * through untouched. Immutable.
 */
public final class RequestJson {
    /** Body fields that belong to the gateway and are never forwarded. */
    static final Set<String> GATEWAY_FIELDS = Set.of("fallbacks");
    private static final Set<String> PROMPT_FIELDS = Set.of("messages", "prompt", "input", "system");
    /** A duplicate key is named in the error only when short and printable: error messages never echo junk. */
    private static final int MAX_NAMED_KEY = 64;

    private final byte[] body;
    private final List<JsonScanner.Member> members;

    private RequestJson(byte[] body, List<JsonScanner.Member> members) {
        this.body = body;
        this.members = members;
    }

    /**
     * @throws GatewayException invalid_request_error when the body is not one well-formed JSON object, or names a
     *     top-level member twice (parsers disagree on which one counts: the gateway could read one value while the
     *     upstream reads the other)
     */
    public static RequestJson parse(byte[] body) {
        List<JsonScanner.Member> members;
        try {
            members = JsonScanner.members(body);
        } catch (JsonScanner.MalformedJsonException e) {
            throw new GatewayException(ErrorType.INVALID_REQUEST, "the body is not a valid JSON object: "
                    + e.getMessage());
        }
        JsonScanner.firstDuplicate(members).ifPresent(key -> {
            boolean nameable = key.length() <= MAX_NAMED_KEY && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
            throw new GatewayException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.status(),
                    nameable ? "duplicate member '" + key + "'" : "duplicate member in the body",
                    nameable ? key : null);
        });
        return new RequestJson(body, members);
    }

    public byte[] bytes() {
        return body;
    }

    /** The string {@code field}, empty when absent; invalid_request_error when it is not a string. */
    public Optional<String> string(String field) {
        return member(field).flatMap(m -> {
            if (body[m.valueStart()] == 'n') {
                return Optional.empty();
            }
            if (body[m.valueStart()] != '"') {
                throw invalid(field, "must be a string");
            }
            String raw = new String(body, m.valueStart() + 1, m.valueEnd() - m.valueStart() - 2,
                    StandardCharsets.UTF_8);
            return Optional.of(raw.indexOf('\\') < 0 ? raw : JsonStrings.unescape(raw));
        });
    }

    public boolean bool(String field) {
        return member(field).map(m -> switch (body[m.valueStart()]) {
            case 't' -> true;
            case 'f', 'n' -> false;
            default -> throw invalid(field, "must be true or false");
        }).orElse(false);
    }

    /** A non-negative integer field, 0 when absent or null. */
    public long integer(String field) {
        return member(field).map(m -> {
            String text = new String(body, m.valueStart(), m.valueEnd() - m.valueStart(), StandardCharsets.US_ASCII);
            if (text.equals("null")) {
                return 0L;
            }
            try {
                long value = Long.parseLong(text);
                if (value < 0) {
                    throw invalid(field, "must not be negative");
                }
                return value;
            } catch (NumberFormatException e) {
                throw invalid(field, "must be an integer");
            }
        }).orElse(0L);
    }

    /** A list of strings, empty when absent. */
    public List<String> strings(String field) {
        return member(field).map(m -> {
            try (JsonReader reader = JsonP.reader(body, m.valueStart(), m.valueEnd())) {
                JsonValue value = reader.readValue();
                if (value == JsonValue.NULL) {
                    return List.<String>of();
                }
                if (!(value instanceof JsonArray array)
                        || !array.stream().allMatch(v -> v instanceof JsonString)) {
                    throw invalid(field, "must be an array of strings");
                }
                return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            }
        }).orElse(List.of());
    }

    /** The prompt-size estimate of API.md §2: prompt characters / 4. */
    public long estimatedPromptTokens() {
        return promptCharacters() / 4;
    }

    /** The output bound the client set: {@code max_tokens}, else {@code max_completion_tokens}; 0 when neither. */
    public long maxTokens() {
        long max = integer("max_tokens");
        return max > 0 ? max : integer("max_completion_tokens");
    }

    /**
     * The prompt's size in characters: the text inside the strings of {@code messages}, {@code prompt},
     * {@code input} and {@code system} (escapes count as written). Counts bytes that start a UTF-8 character, so
     * no string is decoded.
     */
    public long promptCharacters() {
        long characters = 0;
        for (JsonScanner.Member m : members) {
            if (PROMPT_FIELDS.contains(m.key())) {
                characters += charactersInStrings(m.valueStart(), m.valueEnd());
            }
        }
        return characters;
    }

    private long charactersInStrings(int from, int to) {
        long characters = 0;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (!inString) {
                inString = b == '"';
            } else if (b == '"') {
                inString = false;
            } else {
                if (b == '\\' && i + 1 < to) {
                    i++;
                    characters++;
                }
                if ((b & 0xC0) != 0x80) {
                    characters++;
                }
            }
        }
        return characters;
    }

    /** The body to forward: {@code model} set to {@code model} (added when absent), gateway fields removed. */
    public byte[] forUpstream(String model) {
        return forUpstream(model, false);
    }

    /**
     * The body to forward, as {@link #forUpstream(String)}; with {@code askForUsage}, also
     * {@code stream_options.include_usage} set to true: added with {@code stream_options} when that is absent or
     * null, inserted into it (its other members kept) when it lacks the member, and set where the client sent any
     * other value. A body that already asks for usage is only rewritten as for {@code forUpstream(model)}.
     *
     * @throws IllegalArgumentException when {@code askForUsage} and {@code stream_options} is not an object
     */
    public byte[] forUpstream(String model, boolean askForUsage) {
        byte[] quotedModel = JsonStrings.quote(model).getBytes(StandardCharsets.UTF_8);
        List<JsonSplice.Edit> edits = new ArrayList<>(3);
        boolean modelSeen = false;
        for (int i = 0; i < members.size(); i++) {
            JsonScanner.Member m = members.get(i);
            if (m.key().equals("model")) {
                modelSeen = true;
                edits.add(new JsonSplice.Edit(m.valueStart(), m.valueEnd(), quotedModel));
            } else if (GATEWAY_FIELDS.contains(m.key())) {
                edits.add(JsonSplice.removal(members, i));
            }
        }
        if (askForUsage) {
            edits.addAll(StreamOptions.includeUsage(body, members));
        }
        byte[] result = JsonSplice.apply(body, edits);
        return modelSeen ? result : withModel(result, quotedModel);
    }

    /**
     * Whether the client asked for a final usage chunk: {@code stream_options.include_usage} is {@code true} (every
     * time it appears).
     */
    public boolean asksForUsage() {
        return StreamOptions.asksForUsage(body, members);
    }

    private static byte[] withModel(byte[] json, byte[] quotedModel) {
        int brace = 0;
        while (json[brace] != '{') {
            brace++;
        }
        boolean empty = new String(json, brace + 1, json.length - brace - 1, StandardCharsets.UTF_8).strip()
                .equals("}");
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + quotedModel.length + 10);
        out.write(json, 0, brace + 1);
        out.writeBytes("\"model\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(quotedModel);
        if (!empty) {
            out.write(',');
        }
        out.write(json, brace + 1, json.length - brace - 1);
        return out.toByteArray();
    }

    private Optional<JsonScanner.Member> member(String field) {
        for (JsonScanner.Member m : members) {
            if (m.key().equals(field)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static GatewayException invalid(String field, String problem) {
        return new GatewayException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.status(),
                "'" + field + "' " + problem, field);
    }
}
