package io.iris.gateway.web.admin;

import io.iris.gateway.providers.Provider;
import io.iris.gateway.providers.ProviderAdmin;
import io.iris.gateway.providers.ProviderKey;
import io.iris.gateway.providers.ProviderKeyAdmin;
import io.iris.gateway.web.admin.ProviderViews.KeyView;
import io.iris.gateway.web.admin.ProviderViews.ProviderView;
import io.iris.gateway.web.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Providers, addressed by name, and their keys as a sub-resource. */
@Path("api/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {
    @Inject
    ProviderAdmin providers;

    @Inject
    ProviderKeyAdmin keys;

    @GET
    public ListView<ProviderView> list() {
        return new ListView<>(providers.list().stream().map(ProviderViews::of).toList());
    }

    @GET
    @Path("{name}")
    public ProviderView get(@PathParam("name") String name) {
        return ProviderViews.of(providers.get(name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        Provider created = providers.create(JsonBodies.read(body, ProviderViews::spec));
        return AdminResponses.created(uri, created.getName(), ProviderViews.of(created));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProviderView replace(@PathParam("name") String name, String body) {
        return ProviderViews.of(providers.replace(name, JsonBodies.read(body, ProviderViews::spec)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        providers.delete(name);
        return AdminResponses.noContent();
    }

    @GET
    @Path("{name}/keys")
    public ListView<KeyView> listKeys(@PathParam("name") String name) {
        return new ListView<>(providers.get(name).getKeys().stream().map(ProviderViews::of).toList());
    }

    @GET
    @Path("{name}/keys/{id}")
    public KeyView getKey(@PathParam("name") String name, @PathParam("id") String id) {
        return ProviderViews.of(keys.get(name, Ids.parse("key", id)));
    }

    @POST
    @Path("{name}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addKey(@PathParam("name") String name, String body, @Context UriInfo uri) {
        ProviderKey created = keys.add(name, JsonBodies.read(body, ProviderViews::keySpec));
        return AdminResponses.created(uri, created.getId().toString(), ProviderViews.of(created));
    }

    @PUT
    @Path("{name}/keys/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public KeyView replaceKey(@PathParam("name") String name, @PathParam("id") String id, String body) {
        return ProviderViews.of(keys.replace(name, Ids.parse("key", id), JsonBodies.read(body, ProviderViews::keySpec)));
    }

    @DELETE
    @Path("{name}/keys/{id}")
    public Response deleteKey(@PathParam("name") String name, @PathParam("id") String id) {
        keys.delete(name, Ids.parse("key", id));
        return AdminResponses.noContent();
    }
}
