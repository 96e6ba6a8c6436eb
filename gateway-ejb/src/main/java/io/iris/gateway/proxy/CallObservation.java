package io.iris.gateway.proxy;

import io.iris.gateway.common.GatewayException;
import io.iris.gateway.observability.RequestRecord;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.routing.RoutingTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    CallObservation(ProxyRequest request, boolean keepBody, Consumer<RequestRecord> done) {
        this.request = request;
        this.keepBody = keepBody;
        this.done = done;
    }

    synchronized void request(CallerIdentity caller, String requestedModel, boolean stream) {
        this.caller = caller;
        this.requestedModel = requestedModel.length() > MAX_MODEL_CHARS
                ? requestedModel.substring(0, MAX_MODEL_CHARS) : requestedModel;
        this.stream = stream;
    }

    synchronized void routed(RoutingDecision decision) {
        this.decision = decision;
    }

    /** An upstream call to {@code target} begins; the returned handle ends it. */
    synchronized AttemptClock attempt(int index, Target target, String keyName) {
        provider = target.provider().name();
        model = target.model();
        fallbackIndex = index;
        return new AttemptClock(index, target.provider().name(), target.model(), keyName, Instant.now(),
                System.nanoTime());
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

    synchronized void settled(Usage usage, long costMicros) {
        this.usage = usage;
        this.costMicros = costMicros;
    }

    synchronized void started(int status) {
        this.status = status;
    }

    synchronized void firstByte() {
        if (firstByteNanos < 0) {
            firstByteNanos = System.nanoTime() - request.receivedNanos();
        }
    }

    /** The client has its last byte, or has gone away ({@code status} 499 when nothing was sent). */
    void finish(boolean clientGone) {
        RequestRecord record;
        synchronized (this) {
            if (finished) {
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

        private AttemptClock(int index, String provider, String model, String keyName, Instant startedAt,
                             long startedNanos) {
            this.index = index;
            this.provider = provider;
            this.model = model;
            this.keyName = keyName;
            this.startedAt = startedAt;
            this.startedNanos = startedNanos;
        }

        /** @param status the upstream's status, 0 when none came */
        void end(int status, Optional<String> errorType) {
            long took = System.nanoTime() - startedNanos;
            synchronized (CallObservation.this) {
                upstreamNanos += took;
                attempts.add(new RequestRecord.Attempt(index, provider, model, keyName, status, errorType,
                        startedAt, took));
            }
        }
    }
}
