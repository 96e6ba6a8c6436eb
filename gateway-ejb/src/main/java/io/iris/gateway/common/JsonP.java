package io.iris.gateway.common;

import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The JSON-P provider, looked up once. {@code Json.createX(...)} looks the provider up through the service
 * loader on every call, which on an application server costs more than the parsing it is used for.
 */
public final class JsonP {
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }

    /**
     * A reader of one value that sits in {@code utf8[from, to)}, such as a member that {@link JsonScanner} found.
     * Decoded to a string first: a reader over bytes decodes through an 8 KB buffer of its own, many times the size
     * of the small values read this way on every request.
     */
    public static JsonReader reader(byte[] utf8, int from, int to) {
        return PROVIDER.createReader(new StringReader(new String(utf8, from, to - from, StandardCharsets.UTF_8)));
    }
}
