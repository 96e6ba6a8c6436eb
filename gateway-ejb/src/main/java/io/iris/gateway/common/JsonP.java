package io.iris.gateway.common;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createX(...)} looks the provider up through the service
 * loader on every call, which on an application server costs more than the parsing it is used for.
 */
public final class JsonP {
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
