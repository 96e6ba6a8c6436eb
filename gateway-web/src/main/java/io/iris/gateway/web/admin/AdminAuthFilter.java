package io.iris.gateway.web.admin;

import io.iris.gateway.security.GatewaySecrets;
import io.iris.gateway.web.errors.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@code /api/**} with the admin bearer token. Runs before matching, so an unknown admin path answers
 * 401 rather than revealing what exists. {@code /api/virtual-keys/self} authenticates with a virtual key
 * instead, in its own resource.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    GatewaySecrets secrets;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String normalized = path.startsWith("/") ? path.substring(1) : path;
        if (!normalized.equals("api") && !normalized.startsWith("api/")
                || normalized.equals("api/virtual-keys/self")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        if (!secrets.isAdminToken(token)) {
            String detail = token == null ? "the management API needs Authorization: Bearer <admin token>"
                    : "the bearer token is not the admin token";
            request.abortWith(Response.fromResponse(
                            Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"iris-admin\"").build());
        }
    }
}
