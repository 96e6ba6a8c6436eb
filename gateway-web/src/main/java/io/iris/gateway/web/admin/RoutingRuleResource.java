package io.iris.gateway.web.admin;

import io.iris.gateway.providers.ProviderAdmin;
import io.iris.gateway.routing.RoutingRule;
import io.iris.gateway.routing.RoutingRuleAdmin;
import io.iris.gateway.routing.RoutingRuleSpec;
import io.iris.gateway.web.json.JsonBodies;
import io.iris.gateway.web.json.JsonInput;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("api/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingRuleResource {
    @Inject
    RoutingRuleAdmin rules;

    @Inject
    ProviderAdmin providers;

    public record TargetView(String provider, String model, UUID keyId, double weight) {
    }

    public record RuleView(UUID id, String name, String description, boolean enabled, String scope, UUID scopeId,
                           int priority, String celExpression, List<TargetView> targets, List<String> fallbacks,
                           boolean chainRule, Instant createdAt, Instant updatedAt) {
        static RuleView of(RoutingRule r, Map<UUID, String> providerNames) {
            List<TargetView> targets = r.getTargets().stream()
                    .map(t -> new TargetView(t.getProviderId() == null ? null : providerNames.get(t.getProviderId()),
                            t.getModel(), t.getKeyId(), t.getWeight()))
                    .toList();
            return new RuleView(r.getId(), r.getName(), r.getDescription(), r.isEnabled(), r.getScope().wireName(),
                    r.getScopeId(), r.getPriority(), r.getCelExpression(), targets, r.getFallbacks(),
                    r.isChainRule(), r.getCreatedAt(), r.getUpdatedAt());
        }
    }

    @GET
    public ListView<RuleView> list() {
        Map<UUID, String> names = providers.namesById();
        return new ListView<>(rules.list().stream().map(r -> RuleView.of(r, names)).toList());
    }

    @GET
    @Path("{id}")
    public RuleView get(@PathParam("id") String id) {
        return RuleView.of(rules.get(Ids.parse("routing rule", id)), providers.namesById());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        RoutingRule created = rules.create(JsonBodies.read(body, RoutingRuleResource::spec));
        return AdminResponses.created(uri, created.getId().toString(), RuleView.of(created, providers.namesById()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleView replace(@PathParam("id") String id, String body) {
        UUID ruleId = Ids.parse("routing rule", id);
        return RuleView.of(rules.replace(ruleId, JsonBodies.read(body, RoutingRuleResource::spec)),
                providers.namesById());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rules.delete(Ids.parse("routing rule", id));
        return AdminResponses.noContent();
    }

    private static RoutingRuleSpec spec(JsonInput in) {
        List<JsonInput> targets = in.objects("targets");
        return new RoutingRuleSpec(in.string("name"), in.string("description"), in.bool("enabled"),
                in.string("scope"), in.uuid("scope_id"), in.integer("priority"), in.string("cel_expression"),
                targets == null ? List.of() : targets.stream()
                        .map(t -> new RoutingRuleSpec.TargetSpec(t.string("provider"), t.string("model"),
                                t.uuid("key_id"), t.decimalAsDouble("weight")))
                        .toList(),
                in.strings("fallbacks"), in.bool("chain_rule"));
    }
}
