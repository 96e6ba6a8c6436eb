package io.iris.gateway.web.admin;

import io.iris.gateway.governance.ModelConfig;
import io.iris.gateway.governance.ModelConfigAdmin;
import io.iris.gateway.governance.ModelConfigSpec;
import io.iris.gateway.providers.ProviderAdmin;
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
import java.util.UUID;
import java.util.Map;

@Path("api/model-configs")
@Produces(MediaType.APPLICATION_JSON)
public class ModelConfigResource {
    @Inject
    ModelConfigAdmin configs;

    @Inject
    ProviderAdmin providers;

    public record ModelConfigView(UUID id, String name, String model, String provider,
                                  List<LimitsJson.BudgetView> budgets, LimitsJson.RateLimitView rateLimit,
                                  Instant createdAt, Instant updatedAt) {
        static ModelConfigView of(ModelConfig m, Map<UUID, String> providerNames) {
            return new ModelConfigView(m.getId(), m.getName(), m.getModel(),
                    m.getProviderId() == null ? null : providerNames.get(m.getProviderId()),
                    LimitsJson.budgetViews(m), LimitsJson.rateLimitView(m), m.getCreatedAt(), m.getUpdatedAt());
        }
    }

    @GET
    public ListView<ModelConfigView> list() {
        Map<UUID, String> names = providers.namesById();
        return new ListView<>(configs.list().stream().map(m -> ModelConfigView.of(m, names)).toList());
    }

    @GET
    @Path("{id}")
    public ModelConfigView get(@PathParam("id") String id) {
        return ModelConfigView.of(configs.get(Ids.parse("model config", id)), providers.namesById());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        ModelConfig created = configs.create(JsonBodies.read(body, ModelConfigResource::spec));
        return AdminResponses.created(uri, created.getId().toString(),
                ModelConfigView.of(created, providers.namesById()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModelConfigView replace(@PathParam("id") String id, String body) {
        UUID configId = Ids.parse("model config", id);
        ModelConfig updated = configs.replace(configId, JsonBodies.read(body, ModelConfigResource::spec));
        return ModelConfigView.of(updated, providers.namesById());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        configs.delete(Ids.parse("model config", id));
        return AdminResponses.noContent();
    }

    private static ModelConfigSpec spec(JsonInput in) {
        return new ModelConfigSpec(in.string("name"), in.string("model"), in.string("provider"),
                LimitsJson.budgets(in), LimitsJson.rateLimit(in));
    }
}
