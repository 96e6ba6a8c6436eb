package io.iris.gateway.proxy;

import io.iris.gateway.common.GatewayException;
import io.iris.gateway.observability.RequestRecord;
import io.iris.gateway.observability.RequestTracing;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.routing.RoutingTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What is seen of one client request while it is served, turned into a {@link RequestRecord} once, when the
 * client has its last byte (or has gone away). Filled from whichever thread handles the request at the time:
 * the servlet thread, an upstream I/O thread, the retry timer; those hand over to each other, and the one lock
 * is this request's own, so no lock is shared between requests.
 */
final class CallObservation {
    private static final int MAX_MODEL_CHARS = 256;

    private final ProxyRequest request;
    private final Instant startedAt = Instant.now();
    private final Consumer<RequestRecord> done;
    private final boolean keepBody;
    private final RequestTracing.RequestSpan span;

    private CallerIdentity caller = CallerIdentity.NONE;
    private String requestedModel = "";
    private boolean stream;
    private RoutingDecision decision;
    private String provider = "";
    private String model = "";
    private int fallbackIndex = -1;
    private final List<RequestRecord.Attempt> attempts = new ArrayList<>(2);
    private long upstreamNanos;
    private long backoffNanos;
    private long firstByteNanos = -1;
    private int status;
    private String errorType;
    private Usage usage = Usage.NONE;
    private long costMicros;
    private boolean finished;
    /** An attempt holds a reservation not yet settled or released. */
    private boolean accountingOpen;
    /** The client left while {@link #accountingOpen}: the record waits for the charge. */
    private boolean finishWhenAccounted;

    CallObservation(ProxyRequest request, boolean keepBody, RequestTracing.RequestSpan span,
                    Consumer<RequestRecord> done) {
        this.request = request;
        this.keepBody = keepBody;
        this.span = span;
        this.done = done;
    }

    synchronized void request(CallerIdentity caller, String requestedModel, boolean stream) {
        this.caller = caller;
        this.requestedModel = requestedModel.length() > MAX_MODEL_CHARS
                ? requestedModel.substring(0, MAX_MODEL_CHARS) : requestedModel;
        this.stream = stream;
        span.requested(operation(request.endpoint()), this.requestedModel);
    }

    /** The GenAI semantic conventions' operation name of an endpoint. */
    static String operation(Endpoint endpoint) {
        return switch (endpoint) {
            case CHAT, MESSAGES -> "chat";
            case COMPLETIONS -> "text_completion";
            case EMBEDDINGS -> "embeddings";
        };
    }

    /** The routing decision, taken from {@code start} until now. */
    synchronized void routed(RoutingDecision decision, Instant start) {
        this.decision = decision;
        span.routed(start, decision.rule(), decision.provider(), decision.model());
    }

    /** An upstream call to {@code target} begins; the returned handle ends it. */
    synchronized AttemptClock attempt(int index, Target target, String keyName) {
        provider = target.provider().name();
        model = target.model();
        fallbackIndex = index;
        accountingOpen = true;
        return new AttemptClock(index, target.provider().name(), target.model(), keyName, Instant.now(),
                System.nanoTime(), span.attempt(index, target.provider().name(), target.model(), keyName));
    }

    /** A target was skipped or refused before any upstream call. */
    synchronized void targetTried(int index, Target target) {
        provider = target.provider().name();
        model = target.model();
        fallbackIndex = index;
    }

    synchronized void backoff(long delayMs) {
        backoffNanos += Duration.ofMillis(delayMs).toNanos();
    }

    synchronized void failed(GatewayException failure) {
        errorType = failure.type().wireType();
    }

    /** The attempt under way was charged {@code costMicros} for {@code usage} (reported, or the reservation's). */
    void settled(Usage usage, long costMicros) {
        boolean finishNow;
        synchronized (this) {
            this.usage = usage;
            this.costMicros = costMicros;
            finishNow = closeAccounting();
        }
        if (finishNow) {
            finish(true);
        }
    }

    /** The attempt under way gave its reservation back. */
    void released() {
        boolean finishNow;
        synchronized (this) {
            finishNow = closeAccounting();
        }
        if (finishNow) {
            finish(true);
        }
    }

    private boolean closeAccounting() {
        accountingOpen = false;
        boolean waiting = finishWhenAccounted;
        finishWhenAccounted = false;
        return waiting;
    }

    synchronized void started(int status) {
        this.status = status;
    }

    synchronized void firstByte() {
        if (firstByteNanos < 0) {
            firstByteNanos = System.nanoTime() - request.receivedNanos();
        }
    }

    /**
     * The client has its last byte, or has gone away ({@code status} 499 when nothing was sent). A client that left
     * while an attempt held a reservation is recorded once that attempt is settled or released, so that the record
     * (request log, metrics) shows what the call was charged.
     */
    void finish(boolean clientGone) {
        RequestRecord record;
        synchronized (this) {
            if (finished) {
                return;
            }
            if (clientGone && accountingOpen) {
                finishWhenAccounted = true;
                return;
            }
            finished = true;
            if (clientGone && status == 0) {
                status = 499;
                errorType = "client_closed";
            }
            long latency = System.nanoTime() - request.receivedNanos();
            RoutingTrace trace = decision == null ? new RoutingTrace(List.of()) : decision.trace();
            record = new RequestRecord(request.requestId(), startedAt, request.endpoint().requestType(false), stream,
                    caller, requestedModel, provider, model,
                    decision == null ? Optional.empty() : decision.rule(), fallbackIndex, status,
                    Optional.ofNullable(errorType), latency, upstreamNanos, backoffNanos,
                    firstByteNanos < 0 || !stream ? Optional.empty() : Optional.of(firstByteNanos),
                    usage.promptTokens(), usage.completionTokens(), costMicros, attempts, trace,
                    keepBody ? Optional.of(request.body()) : Optional.empty());
        }
        span.end(record);
        done.accept(record);
    }

    /** One upstream call under way. */
    final class AttemptClock {
        private final int index;
        private final String provider;
        private final String model;
        private final String keyName;
        private final Instant startedAt;
        private final long startedNanos;
        private final RequestTracing.AttemptSpan span;

        private AttemptClock(int index, String provider, String model, String keyName, Instant startedAt,
                             long startedNanos, RequestTracing.AttemptSpan span) {
            this.index = index;
            this.provider = provider;
            this.model = model;
            this.keyName = keyName;
            this.startedAt = startedAt;
            this.startedNanos = startedNanos;
            this.span = span;
        }

        /** The trace context headers to send upstream with this call. */
        Map<String, String> traceHeaders() {
            return span.headers();
        }

        /** @param status the upstream's status, 0 when none came */
        void end(int status, Optional<String> errorType) {
            long took = System.nanoTime() - startedNanos;
            span.end(status, errorType);
            synchronized (CallObservation.this) {
                upstreamNanos += took;
                attempts.add(new RequestRecord.Attempt(index, provider, model, keyName, status, errorType,
                        startedAt, took));
            }
        }
    }
}
