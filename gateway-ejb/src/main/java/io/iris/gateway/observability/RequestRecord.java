package io.iris.gateway.observability;

import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingTrace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one client request on the data plane, for the request log, metrics and the structured log
 * line: who asked for what, where it went and why, every upstream attempt, and what it cost. Built on the request
 * path from values already at hand; anything costly (JSON of the trace, bodies as text) is left to whoever
 * consumes it off that path. Holds no secret: key names, never key values. Immutable.
 *
 * @param requestId        the {@code x-request-id} the client got
 * @param endpoint         the request type as API.md names it: chat, completion, embedding, messages
 * @param caller           the virtual key, team and customer (ids and names; empty strings for none)
 * @param requestedModel   the model as the client sent it (cut to 256 characters)
 * @param provider         the provider of the last target tried (the one that served, on success); empty
 *                         when the request ended before any target was chosen
 * @param model            that target's model
 * @param rule             the deciding routing rule's name
 * @param fallbackIndex    the index of the last target tried (0 the first choice); -1 when none was
 * @param status           the HTTP status the client got (200 for a stream that started, even if it broke)
 * @param errorType        the error type of API.md §1 the client got, or for a stream that broke after it
 *                         started, the error event's type
 * @param latencyNanos     from the request's arrival to its last byte
 * @param upstreamNanos    time spent waiting on upstream attempts (sum over attempts, a stream's whole
 *                         duration included)
 * @param backoffNanos     time spent waiting between retries, as scheduled
 * @param firstByteNanos   for streams, from arrival to the first byte sent to the client
 * @param costMicros       the cost in micro-dollars (0 when unpriced or not served)
 * @param attempts         every upstream call, in order
 * @param trace            the routing decision's trace
 * @param requestBody      the request body, only when {@code log_request_bodies} is on
 */
public record RequestRecord(String requestId, Instant startedAt, String endpoint, boolean stream,
                            CallerIdentity caller, String requestedModel, String provider, String model,
                            Optional<String> rule, int fallbackIndex, int status, Optional<String> errorType,
                            long latencyNanos, long upstreamNanos, long backoffNanos, Optional<Long> firstByteNanos,
                            long promptTokens, long completionTokens, long costMicros, List<Attempt> attempts,
                            RoutingTrace trace, Optional<byte[]> requestBody) {

    public RequestRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(caller, "caller");
        attempts = List.copyOf(attempts);
    }

    /**
     * This record with another request body: the request log cuts long bodies, and leaves them out while too many
     * bytes of bodies wait to be written, so that what waits in memory stays bounded.
     */
    public RequestRecord withRequestBody(Optional<byte[]> body) {
        return new RequestRecord(requestId, startedAt, endpoint, stream, caller, requestedModel, provider, model, rule,
                fallbackIndex, status, errorType, latencyNanos, upstreamNanos, backoffNanos, firstByteNanos,
                promptTokens, completionTokens, costMicros, attempts, trace, body);
    }

    /** The gateway's own time: the whole latency less the time spent on upstream calls and retry backoff. */
    public long overheadNanos() {
        return Math.max(0, latencyNanos - upstreamNanos - backoffNanos);
    }

    /**
     * One upstream call.
     *
     * @param status    the upstream's HTTP status; 0 when no answer came (connection refused, timeout, reset)
     * @param errorType the failure as an API.md error type, empty for a success
     * @param keyName   the provider key's name (never its value)
     */
    public record Attempt(int fallbackIndex, String provider, String model, String keyName, int status,
                          Optional<String> errorType, Instant startedAt, long durationNanos) {
    }
}
