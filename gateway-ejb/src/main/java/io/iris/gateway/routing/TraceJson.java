package io.iris.gateway.routing;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** Writes a {@link RoutingTrace} in the wire shape. Stateless and thread-safe. */
final class TraceJson {

    private static final JsonBuilderFactory JSON = JsonP.PROVIDER.createBuilderFactory(Map.of());

    private TraceJson() {
    }

    static JsonArray toJson(RoutingTrace trace) {
        JsonArrayBuilder steps = JSON.createArrayBuilder();
        trace.steps().forEach(step -> steps.add(step(step)));
        return steps.build();
    }

    private static JsonObject step(TraceStep step) {
        JsonArrayBuilder scopes = JSON.createArrayBuilder();
        for (TraceStep.Scope scope : step.scopes()) {
            JsonObjectBuilder s = JSON.createObjectBuilder().add("scope", scope.scope().wireName());
            scope.scopeId().ifPresentOrElse(id -> s.add("scope_id", id), () -> s.addNull("scope_id"));
            scopes.add(s);
        }
        JsonArrayBuilder rules = JSON.createArrayBuilder();
        step.rules().forEach(rule -> rules.add(rule(rule)));
        JsonObjectBuilder capacity = JSON.createObjectBuilder();
        step.capacity().forEach((variable, value) -> number(capacity, variable.variable(), value));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("step", step.step())
                .add("provider", step.provider())
                .add("model", step.model())
                .add("scopes", scopes)
                .add("rules", rules)
                .add("capacity", capacity);
        step.decidedBy().ifPresentOrElse(name -> json.add("decided_by", name), () -> json.addNull("decided_by"));
        step.target().ifPresentOrElse(target -> json.add("target", target(target)), () -> json.addNull("target"));
        return json.add("outcome", step.outcome().wireName()).build();
    }

    private static JsonObject rule(RuleTrace rule) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("rule", rule.rule())
                .add("rule_id", rule.ruleId().toString())
                .add("scope", rule.scope().wireName())
                .add("priority", rule.priority())
                .add("result", rule.result().wireName());
        rule.reason().ifPresent(reason -> json.add("reason", reason));
        if (rule.referencesHeaders()) {
            json.add("headers", JSON.createObjectBuilder()
                    .add("present", strings(rule.headersPresent()))
                    .add("missing", strings(rule.headersMissing())));
        }
        return json.build();
    }

    private static JsonObject target(TraceStep.Target target) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("provider", target.provider())
                .add("model", target.model());
        target.keyId().ifPresentOrElse(id -> json.add("key_id", id.toString()), () -> json.addNull("key_id"));
        number(json, "weight", target.weight());
        number(json, "effective_weight", target.effectiveWeight());
        return json.add("index", target.index()).build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    // JSON has no NaN or infinity (a percentage of a zero limit may be infinite): those are written as null
    private static void number(JsonObjectBuilder json, String key, double value) {
        if (Double.isFinite(value)) {
            json.add(key, value);
        } else {
            json.addNull(key);
        }
    }
}
