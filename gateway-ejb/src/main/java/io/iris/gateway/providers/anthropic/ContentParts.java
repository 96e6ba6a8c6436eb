package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;

/**
 * Content pieces both vendors share: text and images. Stateless and thread-safe. Methods taking JSON
 * values accept null and values of unexpected types.
 */
final class ContentParts {

    private ContentParts() {
    }

    /**
     * The text of an OpenAI content value (a string, or parts of which the {@code text} and
     * {@code refusal} ones count) or of an Anthropic one (a string, or blocks of which the {@code text}
     * ones count). Parts are joined with {@code \n}. Never null; empty when there is no text.
     */
    static String text(JsonValue content) {
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (!(content instanceof JsonArray parts)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonValue value : parts) {
            if (value instanceof JsonObject part) {
                String text = partText(part);
                if (text != null) {
                    if (!out.isEmpty()) {
                        out.append('\n');
                    }
                    out.append(text);
                }
            }
        }
        return out.toString();
    }

    /** The text of one text-like part or block, or null when it is of another kind. */
    static String partText(JsonObject part) {
        String type = JsonSupport.string(part, "type");
        if ("text".equals(type)) {
            return JsonSupport.string(part, "text");
        }
        return "refusal".equals(type) ? JsonSupport.string(part, "refusal") : null;
    }

    static JsonObject textBlock(String text) {
        return JsonSupport.object().add("type", "text").add("text", text).build();
    }

    /**
     * An Anthropic image block for an OpenAI image URL: a base64 {@code data:} URL becomes a base64
     * source, an http(s) URL a URL source.
     *
     * @throws IllegalArgumentException for any other URL
     */
    static JsonObject imageBlock(String url) {
        JsonObject source;
        if (url == null) {
            throw new IllegalArgumentException("an image_url part has no url");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (!header.toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw new IllegalArgumentException("an image data url must be base64 encoded");
            }
            String mediaType = header.substring(0, header.indexOf(';'));
            source = JsonSupport.object().add("type", "base64").add("media_type", mediaType)
                    .add("data", url.substring(comma + 1)).build();
        } else if (lower.startsWith("https://") || lower.startsWith("http://")) {
            source = JsonSupport.object().add("type", "url").add("url", url).build();
        } else {
            throw new IllegalArgumentException("an image url must be an http(s) or base64 data url");
        }
        return JsonSupport.object().add("type", "image").add("source", source).build();
    }

    /**
     * The OpenAI image URL of an Anthropic image block: a data URL for a base64 source, the URL of a URL
     * source.
     *
     * @throws IllegalArgumentException for other sources (such as Files API ids)
     */
    static String imageUrl(JsonObject block) {
        JsonObject source = JsonSupport.object(block, "source");
        String type = JsonSupport.string(source, "type");
        if ("base64".equals(type) && JsonSupport.string(source, "media_type") != null
                && JsonSupport.string(source, "data") != null) {
            return "data:" + JsonSupport.string(source, "media_type") + ";base64,"
                    + JsonSupport.string(source, "data");
        }
        if ("url".equals(type) && JsonSupport.string(source, "url") != null) {
            return JsonSupport.string(source, "url");
        }
        throw new IllegalArgumentException("an image source of type " + type + " cannot be sent to this provider");
    }

    /** The OpenAI {@code image_url} URL of a part, whether given as an object or as a bare string. */
    static String openAiImageUrl(JsonObject part) {
        String direct = JsonSupport.string(part, "image_url");
        return direct != null ? direct : JsonSupport.string(JsonSupport.object(part, "image_url"), "url");
    }
}
