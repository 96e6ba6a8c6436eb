package io.iris.gateway.web.security;

import io.iris.gateway.security.ClientOrigin;
import io.iris.gateway.security.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/** The {@link ClientOrigin} of a servlet request. Stateless. */
public final class ClientOrigins {
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientOrigins() {
    }

    /** Address (the socket's, or the forwarded client's when the socket is a trusted proxy), method and raw path. */
    public static ClientOrigin of(HttpServletRequest request, TrustedProxies proxies) {
        return new ClientOrigin(address(request, proxies), request.getMethod(), request.getRequestURI());
    }

    /** The client's address; reads {@code X-Forwarded-For} only when the socket's peer is a trusted proxy. */
    public static String address(HttpServletRequest request, TrustedProxies proxies) {
        String socket = request.getRemoteAddr();
        if (!proxies.trusts(socket)) {
            return socket;
        }
        return proxies.clientAddress(socket, Collections.list(request.getHeaders(FORWARDED_FOR)));
    }
}
