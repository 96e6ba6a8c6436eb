package io.iris.gateway.proxy;

import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingRequest;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Describes a data-plane request in the routing engine's terms (API.md §2's CEL environment). Credentials are
 * not among the headers a rule sees: the virtual key and any provider key a client sends stay out of rules and
 * traces. Stateless.
 */
public final class RoutingInputs {
    /** Headers that carry credentials. */
    static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-iris-vk", "x-api-key", "api-key",
            "proxy-authorization", "cookie");

    private RoutingInputs() {
    }

    /** The routing request for {@code requestedModel} as the client wrote it ({@code provider/model} or bare). */
    public static RoutingRequest request(ProxyRequest request, RequestJson body, String requestedModel,
                                         boolean stream, Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        return of(request.endpoint(), request.headers(), request.params(), body, requestedModel, stream, caller,
                snapshot);
    }

    public static RoutingRequest of(Endpoint endpoint, Map<String, String> headers, Map<String, String> params,
                                    RequestJson body, String requestedModel, boolean stream,
                                    Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        String provider = "";
        String model = requestedModel;
        int slash = requestedModel.indexOf('/');
        if (slash > 0 && snapshot.provider(requestedModel.substring(0, slash)).isPresent()) {
            provider = requestedModel.substring(0, slash);
            model = requestedModel.substring(slash + 1);
        }
        return new RoutingRequest(model, provider, endpoint.requestType(stream), withoutCredentials(headers),
                params, caller.map(RoutingInputs::identity).orElse(CallerIdentity.NONE),
                body::estimatedPromptTokens, body.maxTokens(), stream);
    }

    static CallerIdentity identity(CallerGrant grant) {
        return new CallerIdentity(grant.id().toString(), grant.name(), text(grant.teamId()), grant.teamName(),
                text(grant.customerId()), grant.customerName());
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    /** One immutable copy (RoutingRequest keeps it as is) without the credential headers. */
    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> visible = new HashMap<>(headers);
        visible.keySet().removeAll(CREDENTIAL_HEADERS);
        return Map.copyOf(visible);
    }
}
