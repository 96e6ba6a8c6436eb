package io.iris.gateway.web.admin;

import io.iris.gateway.web.errors.Problem;
import io.iris.gateway.web.security.AdminPaths;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps management request bodies at {@code iris.admin.max-body-bytes} (default 1 MiB): a larger body is a 413
 * problem before it is read into memory. A declared length over the limit is refused without reading anything;
 * any other body (chunked ones included) is read up to one byte past the limit, never further, and handed on from
 * memory. Runs after {@link AdminAuthFilter}, so an unauthenticated body is never read at all. Thread-safe.
 */
@Provider
@PreMatching
@Priority(AdminBodyLimitFilter.AFTER_AUTHENTICATION)
public class AdminBodyLimitFilter implements ContainerRequestFilter {
    static final int AFTER_AUTHENTICATION = Priorities.AUTHENTICATION + 100;

    @Inject
    @ConfigProperty(name = "iris.admin.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!AdminPaths.isAdmin(request.getUriInfo().getPath())) {
            return;
        }
        // The container's reading of the length, not the header's text: over HTTP/2 the header as JAX-RS shows it
        // is not a plain number.
        long declared = servletRequest.getContentLengthLong();
        if (declared > maxBodyBytes) {
            request.abortWith(tooLarge());
            return;
        }
        if (declared == 0) {
            return;
        }
        // Whatever the declaration (none when chunked), never more than one byte past the limit is read.
        byte[] head = request.getEntityStream().readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
        if (head.length > maxBodyBytes) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(head));
    }

    private Response tooLarge() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                "the request body is larger than " + maxBodyBytes + " bytes, the management API's limit"
                        + " (iris.admin.max-body-bytes)");
    }
}
