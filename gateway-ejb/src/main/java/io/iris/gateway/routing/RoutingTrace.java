package io.iris.gateway.routing;

import jakarta.json.JsonArray;
import java.util.List;

/**
 * Why a routing decision came out as it did: one {@link TraceStep} per pass over the scope chain. Holds header
 * names but never header or query parameter values (evaluation errors that quote them are redacted). Immutable.
 */
public record RoutingTrace(List<TraceStep> steps) {

    public RoutingTrace {
        steps = List.copyOf(steps);
    }

    /**
     * The trace in the wire shape of API.md, one object per step with snake_case keys, e.g.
     * {@code {"step": 0, "provider": "", "model": "gpt-4o", "scopes": [...], "rules": [...], "capacity": {...},
     * "decided_by": "eu-to-azure", "target": {...}, "outcome": "decided"}}. Built anew on every call.
     */
    public JsonArray toJson() {
        return TraceJson.toJson(this);
    }

    /** {@link #toJson()} as text, written straight from the steps. */
    public String toJsonText() {
        return TraceJson.toText(this);
    }
}
