package io.iris.gateway.web.admin;

import io.iris.gateway.snapshot.Snapshots;
import io.iris.gateway.web.security.AdminPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * After every successful management write (committed by the time the resource returns), rebuilds the data
 * plane's configuration snapshot before the response goes out: the next request sees the change.
 */
@Provider
public class SnapshotRefreshFilter implements ContainerResponseFilter {
    @Inject
    Snapshots snapshots;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean adminPath = AdminPaths.isAdmin(request.getUriInfo().getPath());
        boolean write = !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                && !HttpMethod.OPTIONS.equals(request.getMethod());
        boolean readOnly = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ReadOnly.class);
        if (adminPath && write && !readOnly && response.getStatus() < 300) {
            snapshots.rebuild();
        }
    }
}
