package io.iris.gateway.observability;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonObjectBuilder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON line per client request in the server log, for shipping to a SIEM: the request id, caller, requested
 * and served model, rule, status, error type, latency, gateway overhead, tokens and cost. Logged on the logger
 * {@code iris.requests} at INFO; raise that logger's level (Liberty's {@code traceSpecification}, e.g.
 * {@code iris.requests=warning}) to turn the lines off. Written from the request log's writer thread, never from
 * a request's, and only built when the logger would print it. Carries no key value and no body.
 */
public final class RequestLogLine {
    static final Logger LOG = Logger.getLogger("iris.requests");

    private RequestLogLine() {
    }

    public static void log(RequestRecord record) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(format(record));
        }
    }

    static String format(RequestRecord record) {
        JsonObjectBuilder json = JsonP.PROVIDER.createObjectBuilder()
                .add("event", "request")
                .add("time", record.startedAt().toString())
                .add("request_id", record.requestId())
                .add("endpoint", record.endpoint())
                .add("stream", record.stream());
        optional(json, "virtual_key_id", record.caller().virtualKeyId());
        optional(json, "virtual_key", record.caller().virtualKeyName());
        optional(json, "team", record.caller().teamName());
        optional(json, "customer", record.caller().customerName());
        optional(json, "requested_model", record.requestedModel());
        optional(json, "provider", record.provider());
        optional(json, "model", record.model());
        record.rule().ifPresent(rule -> json.add("rule", rule));
        json.add("fallback_index", record.fallbackIndex())
                .add("attempts", record.attempts().size())
                .add("status", record.status());
        record.errorType().ifPresent(type -> json.add("error_type", type));
        json.add("latency_ms", millis(record.latencyNanos()))
                .add("overhead_ms", millis(record.overheadNanos()));
        record.firstByteNanos().ifPresent(nanos -> json.add("time_to_first_byte_ms", millis(nanos)));
        return json.add("prompt_tokens", record.promptTokens())
                .add("completion_tokens", record.completionTokens())
                .add("cost_usd", record.costMicros() / 1_000_000.0)
                .build().toString();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(name, value);
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
