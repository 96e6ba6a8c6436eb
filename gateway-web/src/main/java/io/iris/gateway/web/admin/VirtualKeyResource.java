package io.iris.gateway.web.admin;

import io.iris.gateway.common.GatewayException;
import io.iris.gateway.governance.CreatedVirtualKey;
import io.iris.gateway.governance.VirtualKeyAdmin;
import io.iris.gateway.governance.VirtualKeySpec;
import io.iris.gateway.providers.ProviderAdmin;
import io.iris.gateway.proxy.ProxyService;
import io.iris.gateway.security.AuthGuard;
import io.iris.gateway.security.ClientOrigin;
import io.iris.gateway.security.CredentialKind;
import io.iris.gateway.security.FailureReason;
import io.iris.gateway.security.ThrottledException;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.web.admin.VirtualKeyViews.VirtualKeyView;
import io.iris.gateway.web.errors.Problem;
import io.iris.gateway.web.json.JsonBodies;
import io.iris.gateway.web.json.JsonInput;
import io.iris.gateway.web.security.ClientOrigins;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Path("api/virtual-keys")
@Produces(MediaType.APPLICATION_JSON)
public class VirtualKeyResource {
    @Inject
    VirtualKeyAdmin keys;

    @Inject
    ProviderAdmin providers;

    @Inject
    ProxyService proxy;

    @Inject
    AuthGuard guard;

    @GET
    public ListView<VirtualKeyView> list() {
        Map<UUID, String> names = providers.namesById();
        return new ListView<>(keys.list().stream().map(k -> VirtualKeyViews.of(k, names, null)).toList());
    }

    /**
     * The calling application's own key, with its budgets, rate limit and their usage (written from the live
     * counters every second): the virtual key itself is the credential, in any header the data plane accepts.
     * The one admin path without the admin token, for GET only; its failures count against the client's address
     * like the data plane's.
     */
    @GET
    @Path("self")
    public Response self(@Context HttpHeaders headers, @Context HttpServletRequest request) {
        Map<String, String> lowerCased = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                lowerCased.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        ClientOrigin origin = ClientOrigins.of(request, guard.trustedProxies());
        try {
            Optional<CallerGrant> caller = proxy.authenticate(lowerCased, origin);
            if (caller.isEmpty()) {
                guard.failed(origin, CredentialKind.VIRTUAL_KEY, FailureReason.MISSING);
                return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "this endpoint needs a virtual key as its credential");
            }
            return Response.ok(get(caller.get().id().toString())).build();
        } catch (ThrottledException throttled) {
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "too_many_requests",
                            throttled.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds())).build();
        } catch (GatewayException refused) {
            return Problem.of(Response.Status.fromStatusCode(refused.status()), refused.type().wireType(),
                    refused.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public VirtualKeyView get(@PathParam("id") String id) {
        return VirtualKeyViews.of(keys.get(Ids.parse("virtual key", id)), providers.namesById(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        CreatedVirtualKey created = keys.create(JsonBodies.read(body, VirtualKeyResource::spec));
        VirtualKeyView view = VirtualKeyViews.of(created.key(), providers.namesById(), created.value());
        return AdminResponses.created(uri, created.key().getId().toString(), view);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VirtualKeyView replace(@PathParam("id") String id, String body) {
        UUID keyId = Ids.parse("virtual key", id);
        return VirtualKeyViews.of(keys.replace(keyId, JsonBodies.read(body, VirtualKeyResource::spec)),
                providers.namesById(), null);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        keys.delete(Ids.parse("virtual key", id));
        return AdminResponses.noContent();
    }

    private static VirtualKeySpec spec(JsonInput in) {
        List<JsonInput> configs = in.objects("provider_configs");
        List<VirtualKeySpec.ProviderConfigSpec> configSpecs = configs == null ? List.of() : configs.stream()
                .map(c -> new VirtualKeySpec.ProviderConfigSpec(c.string("provider"), c.decimalAsDouble("weight"),
                        c.strings("allowed_models"), c.strings("blocked_models"), c.uuidStrings("key_ids"),
                        LimitsJson.budgets(c), LimitsJson.rateLimit(c)))
                .toList();
        return new VirtualKeySpec(in.string("name"), in.uuid("team_id"), in.uuid("customer_id"),
                in.bool("is_active"), in.instant("expires_at"), in.bool("allow_all_providers"), configSpecs,
                LimitsJson.budgets(in), LimitsJson.rateLimit(in));
    }
}
