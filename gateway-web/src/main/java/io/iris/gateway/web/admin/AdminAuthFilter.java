package io.iris.gateway.web.admin;

import io.iris.gateway.security.AuthGuard;
import io.iris.gateway.security.ClientOrigin;
import io.iris.gateway.security.CredentialKind;
import io.iris.gateway.security.FailureReason;
import io.iris.gateway.security.GatewaySecrets;
import io.iris.gateway.web.errors.Problem;
import io.iris.gateway.web.security.AdminPaths;
import io.iris.gateway.web.security.ClientOrigins;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@code /api/**} (in any letter case, see {@link AdminPaths}) with the admin bearer token. Runs before
 * matching, so an unknown admin path answers 401 rather than revealing what exists. Only
 * {@code GET /api/virtual-keys/self} goes without it: it authenticates with a virtual key, in its own resource.
 * A client address that failed too often ({@link AuthGuard}) gets 429 with Retry-After, whatever it presents;
 * every failure is reported to the guard (audit line, metric, throttle). The canonical form of the path was
 * enforced before, by the servlet filter {@code CanonicalPathFilter}. Thread-safe.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    GatewaySecrets secrets;

    @Inject
    AuthGuard guard;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!AdminPaths.isAdmin(path)
                || AdminPaths.isSelf(path) && HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        ClientOrigin origin = ClientOrigins.of(servletRequest, guard.trustedProxies());
        long retryAfter = guard.throttledFor(origin, CredentialKind.ADMIN);
        if (retryAfter > 0) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                            "too_many_requests", "too many failed authentications from this address: retry after "
                                    + retryAfter + " seconds"))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)).build());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        if (!secrets.isAdminToken(token)) {
            boolean missing = header == null || header.isBlank();
            guard.failed(origin, CredentialKind.ADMIN, missing ? FailureReason.MISSING : FailureReason.INVALID);
            String detail = token == null ? "the management API needs Authorization: Bearer <admin token>"
                    : "the bearer token is not the admin token";
            request.abortWith(Response.fromResponse(
                            Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"iris-admin\"").build());
        }
    }
}
