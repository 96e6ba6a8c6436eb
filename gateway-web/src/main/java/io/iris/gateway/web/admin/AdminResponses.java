package io.iris.gateway.web.admin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Status codes shared by every admin resource. */
final class AdminResponses {
    private AdminResponses() {
    }

    /** 201 with the new resource's URL in {@code Location}. */
    static Response created(UriInfo uri, String id, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(view).build();
    }

    static Response noContent() {
        return Response.noContent().build();
    }
}
