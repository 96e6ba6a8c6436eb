package io.iris.gateway.security;

/**
 * Who sent a request and what for, as authentication failures are counted and logged: the client's address (see
 * {@link TrustedProxies#clientAddress}), the HTTP method and the request's path. Immutable.
 */
public record ClientOrigin(String address, String method, String path) {
}
