package io.iris.gateway.web.admin;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.proxy.RoutingSimulator;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.web.json.JsonBodies;
import io.iris.gateway.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code POST /api/routing/simulate}: where a request would be routed, and why, without sending it. */
@Path("api/routing/simulate")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingSimulationResource {
    @Inject
    RoutingSimulator simulator;

    @POST
    @ReadOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject simulate(String body) {
        RoutingSimulator.Simulation simulation = simulator.simulate(JsonBodies.read(body,
                RoutingSimulationResource::request));
        RoutingDecision decision = simulation.decision();
        JsonObjectBuilder view = JsonP.PROVIDER.createObjectBuilder();
        simulation.target().ifPresentOrElse(target -> view
                        .add("provider", target.provider().name())
                        .add("model", target.model()),
                () -> view
                        .add("provider", decision.provider().isEmpty() ? JsonValue.NULL
                                : JsonP.PROVIDER.createValue(decision.provider()))
                        .add("model", decision.model()));
        view.add("key_id", decision.keyId().<JsonValue>map(id -> JsonP.PROVIDER.createValue(id.toString()))
                .orElse(JsonValue.NULL));
        view.add("rule", decision.rule().<JsonValue>map(JsonP.PROVIDER::createValue).orElse(JsonValue.NULL));
        view.add("fallbacks", JsonP.PROVIDER.createArrayBuilder(simulation.fallbacks()));
        JsonObjectBuilder answer = JsonP.PROVIDER.createObjectBuilder()
                .add("decision", view)
                .add("trace", decision.trace().toJson());
        simulation.failure().ifPresent(failure -> answer.add("error", JsonP.PROVIDER.createObjectBuilder()
                .add("type", failure.type().wireType())
                .add("status", failure.status())
                .add("message", failure.getMessage())));
        return answer.build();
    }

    private static RoutingSimulator.Request request(JsonInput in) {
        JsonObject body = in.rawObject("body");
        Map<String, String> headers = in.stringMap("headers");
        Map<String, String> params = in.stringMap("params");
        return new RoutingSimulator.Request(in.string("model"), headers == null ? Map.of() : headers,
                params == null ? Map.of() : params, in.string("virtual_key"), in.string("request_type"),
                (body == null ? "{}" : body.toString()).getBytes(StandardCharsets.UTF_8));
    }
}
