package io.iris.gateway.web.json;

import io.iris.gateway.common.InvalidInputException;
import io.iris.gateway.common.Validation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.function.Function;

/** Turns a request body into a spec: parse, read typed fields, and reject the whole write on any error. */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static <T> T read(String body, Function<JsonInput, T> reader) {
        JsonObject object = parseObject(body);
        Validation errors = new Validation();
        T spec = reader.apply(new JsonInput(object, "", errors));
        errors.throwIfInvalid();
        return spec;
    }

    private static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new InvalidInputException("body", "has content after the JSON value");
            }
        } catch (JsonParsingException e) {
            throw new InvalidInputException("body", "is not valid JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // The parser's other failures (nesting too deep, numbers too long, ...) are all bad input too.
            throw new InvalidInputException("body", "is not valid JSON");
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new InvalidInputException("body", "must be a JSON object");
    }
}
