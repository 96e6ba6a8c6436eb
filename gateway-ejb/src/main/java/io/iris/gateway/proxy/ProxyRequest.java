package io.iris.gateway.proxy;

import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.security.ClientOrigin;
import java.util.Map;
import java.util.Optional;

/**
 * One data-plane request as received: the operation, headers (names lower-cased, first value), query
 * parameters, the raw body, the request id, when it arrived ({@link System#nanoTime()}) and where from (the
 * client's address, method and path, for the authentication throttle). Immutable.
 */
public record ProxyRequest(Endpoint endpoint, Map<String, String> headers, Map<String, String> params, byte[] body,
                           String requestId, long receivedNanos, ClientOrigin origin) {
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    @Override
    public String toString() {
        return "ProxyRequest[" + endpoint + " " + requestId + "]";
    }
}
