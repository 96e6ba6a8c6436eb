package io.iris.gateway.routing;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;

/**
 * Writes a {@link RoutingTrace} in the wire shape, streamed as text ({@link JsonText}): the request log writes one
 * per request, and building a tree of JSON objects first allocated several times the text. Stateless and
 * thread-safe.
 */
final class TraceJson {

    private TraceJson() {
    }

    static String toText(RoutingTrace trace) {
        JsonText json = new JsonText(256 + 512 * trace.steps().size()).writeStartArray();
        trace.steps().forEach(step -> step(json, step));
        return json.writeEnd().toString();
    }

    static JsonArray toJson(RoutingTrace trace) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(toText(trace)))) {
            return reader.readArray();
        }
    }

    private static void step(JsonText json, TraceStep step) {
        json.writeStartObject()
                .write("step", step.step())
                .write("provider", step.provider())
                .write("model", step.model())
                .writeStartArray("scopes");
        for (TraceStep.Scope scope : step.scopes()) {
            json.writeStartObject().write("scope", scope.scope().wireName());
            optional(json, "scope_id", scope.scopeId().orElse(null));
            json.writeEnd();
        }
        json.writeEnd().writeStartArray("rules");
        step.rules().forEach(rule -> rule(json, rule));
        json.writeEnd().writeStartObject("capacity");
        step.capacity().forEach((variable, value) -> number(json, variable.variable(), value));
        json.writeEnd();
        optional(json, "decided_by", step.decidedBy().orElse(null));
        step.target().ifPresentOrElse(target -> target(json, target), () -> json.writeNull("target"));
        json.write("outcome", step.outcome().wireName()).writeEnd();
    }

    private static void rule(JsonText json, RuleTrace rule) {
        json.writeStartObject()
                .write("rule", rule.rule())
                .write("rule_id", rule.ruleId().toString())
                .write("scope", rule.scope().wireName())
                .write("priority", rule.priority())
                .write("result", rule.result().wireName());
        rule.reason().ifPresent(reason -> json.write("reason", reason));
        if (rule.referencesHeaders()) {
            json.writeStartObject("headers");
            strings(json, "present", rule.headersPresent());
            strings(json, "missing", rule.headersMissing());
            json.writeEnd();
        }
        json.writeEnd();
    }

    private static void target(JsonText json, TraceStep.Target target) {
        json.writeStartObject("target")
                .write("provider", target.provider())
                .write("model", target.model());
        optional(json, "key_id", target.keyId().map(Object::toString).orElse(null));
        number(json, "weight", target.weight());
        number(json, "effective_weight", target.effectiveWeight());
        json.write("index", target.index()).writeEnd();
    }

    private static void strings(JsonText json, String name, List<String> values) {
        json.writeStartArray(name);
        values.forEach(json::write);
        json.writeEnd();
    }

    private static void optional(JsonText json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    // JSON has no NaN or infinity (a percentage of a zero limit may be infinite): JsonText writes those as null
    private static void number(JsonText json, String key, double value) {
        json.write(key, value);
    }
}
