package io.iris.gateway.observability;

import io.iris.gateway.common.JsonText;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON line per client request in the server log, for shipping to a SIEM: the request id, caller, requested
 * and served model, rule, status, error type, latency, gateway overhead, tokens and cost. Logged on the logger
 * {@code iris.requests} at INFO; raise that logger's level (Liberty's {@code traceSpecification}, e.g.
 * {@code iris.requests=warning}) to turn the lines off. Written from the request log's writer thread, never from
 * a request's, and only built (as text, not as a tree of JSON objects) when the logger would print it. Carries no
 * key value and no body.
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
        JsonText json = new JsonText(640);
        json.writeStartObject()
                .write("event", "request")
                .write("time", record.startedAt().toString())
                .write("request_id", record.requestId())
                .write("endpoint", record.endpoint())
                .write("stream", record.stream());
        optional(json, "virtual_key_id", record.caller().virtualKeyId());
        optional(json, "virtual_key", record.caller().virtualKeyName());
        optional(json, "team", record.caller().teamName());
        optional(json, "customer", record.caller().customerName());
        optional(json, "requested_model", record.requestedModel());
        optional(json, "provider", record.provider());
        optional(json, "model", record.model());
        record.rule().ifPresent(rule -> json.write("rule", rule));
        json.write("fallback_index", record.fallbackIndex())
                .write("attempts", record.attempts().size())
                .write("status", record.status());
        record.errorType().ifPresent(type -> json.write("error_type", type));
        json.write("latency_ms", millis(record.latencyNanos()))
                .write("overhead_ms", millis(record.overheadNanos()));
        record.firstByteNanos().ifPresent(nanos -> json.write("time_to_first_byte_ms", millis(nanos)));
        json.write("prompt_tokens", record.promptTokens())
                .write("completion_tokens", record.completionTokens())
                .write("cost_usd", record.costMicros() / 1_000_000.0)
                .writeEnd();
        return json.toString();
    }

    private static void optional(JsonText json, String name, String value) {
        if (value != null && !value.isEmpty()) {
            json.write(name, value);
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
