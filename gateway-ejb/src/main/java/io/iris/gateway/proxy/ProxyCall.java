package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.governance.accounting.BudgetAccountant;
import io.iris.gateway.governance.accounting.LimitExceededException;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.UpstreamKey;
import io.iris.gateway.upstream.KeyHealth;
import io.iris.gateway.upstream.RateLimitHeadroom;
import io.iris.gateway.upstream.KeyHealthRegistry;
import io.iris.gateway.upstream.UpstreamClient;
import io.iris.gateway.upstream.UpstreamListener;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One client request on its way through the targets: the first choice, then each fallback while the upstream
 * answers 429, 5xx, times out or cannot be reached, all before the client has seen a byte. Once a stream has
 * started it is never retried. Callbacks come from the upstream client's I/O threads, one at a time. The routing
 * decision, trace included, stays with the call until it ends (the request log takes it from here).
 */
final class ProxyCall {
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final ProxyRequest request;
    private final ClientSink sink;
    private final GatewaySnapshot snapshot;
    private final Optional<CallerGrant> caller;
    private final RequestJson body;
    private final boolean stream;
    private final Supplier<List<String>> fallbackChain;
    private List<String> fallbacks;
    private final RoutingDecision decision;
    private final CallAccounting accounting;
    private final CallObservation observation;
    private final Collaborators with;
    private GatewayException firstFailure;
    private Map<String, String> firstFailureHeaders = Map.of();
    private volatile UpstreamClient.Cancellation inFlight;

    private volatile boolean clientGone;

    /** What a call needs from the service: the upstream client, the adapters, and a timer for retry backoff. */
    record Collaborators(UpstreamClient client, ProviderAdapters adapters, ScheduledExecutorService retryTimer,
                         KeyHealthRegistry health) {
    }

    ProxyCall(ProxyRequest request, ClientSink sink, GatewaySnapshot snapshot, Optional<CallerGrant> caller,
              RequestJson body, boolean stream, Supplier<List<String>> fallbackChain, RoutingDecision decision,
              CallAccounting accounting, CallObservation observation, Collaborators with) {
        this.request = request;
        this.sink = sink;
        this.snapshot = snapshot;
        this.caller = caller;
        this.body = body;
        this.stream = stream;
        this.fallbackChain = fallbackChain;
        this.decision = decision;
        this.accounting = accounting;
        this.observation = observation;
        this.with = with;
        sink.onDisconnect(() -> {
            clientGone = true;
            UpstreamClient.Cancellation call = inFlight;
            if (call != null) {
                call.cancel();
            }
        });
    }

    void start(Target first) {
        attempt(0, first);
    }

    private void attempt(int index, Target target) {
        attempt(index, new TargetTries(target, with.health()));
    }

    private void attempt(int index, TargetTries tries) {
        if (clientGone) {
            return;
        }
        Target target = tries.target();
        UpstreamKey key = null;
        try {
            key = tries.nextKey();
            UpstreamRequest upstream = with.adapters().forType(target.provider().type())
                    .prepare(request.endpoint(), target.provider(), key, target.model(), body, stream);
            int idle = stream ? target.provider().network().streamIdleTimeoutMs()
                    : target.provider().network().requestTimeoutMs();
            BudgetAccountant.Admission admission = accounting.admit(target);
            if (!admission.admitted()) {
                with.health().of(key.id()).abandon();
                observation.targetTried(index, target);
                refused(index, target, admission);
                return;
            }
            CallObservation.AttemptClock clock = observation.attempt(index, target, key.name());
            Attempt call = new Attempt(index, tries, key, upstream, admission, clock);
            try {
                inFlight = with.client().send(upstream.withHeaders(clock.traceHeaders()), target.provider().network(),
                        idle, call);
            } catch (RuntimeException notSent) {
                call.onFailure(notSent);
                return;
            }
            if (clientGone) {
                // The client left while the call was being sent: the disconnect found nothing to cancel.
                inFlight.cancel();
            }
        } catch (GatewayException e) {
            abandon(key);
            observation.targetTried(index, target);
            failed(index, target, e, Map.of());
        } catch (IllegalArgumentException untranslatable) {
            abandon(key);
            // The request cannot be put into the provider's wire format: the client's to fix, not a fallback's.
            answerError(new GatewayException(ErrorType.INVALID_REQUEST, untranslatable.getMessage()), Map.of());
        }
    }

    /** A key taken for an attempt that was never sent: if it was a half-open probe, another request may probe. */
    private void abandon(UpstreamKey key) {
        if (key != null) {
            with.health().of(key.id()).abandon();
        }
    }

    /**
     * A budget or rate limit on the way refused: the caller's own limits end the request (no fallback spends
     * another budget of the same caller), a limit of the target moves on to the next fallback.
     */
    private void refused(int index, Target target, BudgetAccountant.Admission admission) {
        GatewayException refusal = admission.refusal();
        Map<String, String> headers = refusal instanceof LimitExceededException limit
                ? Map.of("retry-after", Long.toString(limit.retryAfterSeconds())) : Map.of();
        if (admission.callersOwn()) {
            answerError(refusal, headers);
        } else {
            failed(index, target, refusal, headers);
        }
    }

    /**
     * An attempt failed before the client saw a byte: retry the provider (at once with another key, or after a
     * backoff on the timer), move to the next target, or answer, as {@link RetryPolicy} decides.
     */
    private void retryOrFail(int index, TargetTries tries, RetryPolicy.Decision decision, GatewayException failure,
                             Map<String, String> headers) {
        switch (decision.action()) {
            case RETRY -> {
                tries.apply(decision);
                if (decision.delayMs() <= 0) {
                    attempt(index, tries);
                } else {
                    observation.backoff(decision.delayMs());
                    with.retryTimer().schedule(() -> attempt(index, tries), decision.delayMs(),
                            TimeUnit.MILLISECONDS);
                }
            }
            case NEXT_TARGET -> failed(index, tries.target(), failure, headers);
            case ANSWER -> answerError(failure, headers);
        }
    }

    private void answerError(GatewayException failure, Map<String, String> headers) {
        observation.failed(failure);
        ProxyService.respondWithError(sink, request, failure, headers);
    }

    /** Moves to the next fallback, or answers with the first failure when none is left. */
    private void failed(int index, Target target, GatewayException failure, Map<String, String> headers) {
        if (firstFailure == null) {
            firstFailure = failure;
            firstFailureHeaders = headers;
        }
        List<String> chain = fallbacks();
        for (int next = index + 1; next <= chain.size(); next++) {
            try {
                Optional<Target> fallback = TargetResolver.fallback(chain.get(next - 1), target.model(), caller,
                        snapshot);
                if (fallback.isPresent()) {
                    attempt(next, fallback.get());
                    return;
                }
            } catch (GatewayException blocked) {
                // A fallback the caller may not use is skipped, like one that failed.
            }
        }
        answerError(firstFailure, firstFailureHeaders);
    }

    /**
     * The fallback chain, worked out when the first failure needs it. Failures of one call come one at a time, so a
     * plain field suffices (at worst the same list is worked out twice).
     */
    private List<String> fallbacks() {
        if (fallbacks == null) {
            fallbacks = fallbackChain.get();
        }
        return fallbacks;
    }

    private Map<String, String> headers(int index, Target target, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("x-request-id", request.requestId());
        headers.put("x-iris-provider", HeaderValues.of(target.provider().name()));
        headers.put("x-iris-model", HeaderValues.of(target.model()));
        decision.rule().ifPresent(rule -> headers.put("x-iris-rule", HeaderValues.of(rule)));
        headers.put("x-iris-fallback-index", Integer.toString(index));
        return headers;
    }

    /** The listener of one upstream attempt. */
    private final class Attempt implements UpstreamListener {
        private final int index;
        private final TargetTries tries;
        private final Target target;
        private final UpstreamKey key;
        private final UpstreamRequest upstream;
        private final BudgetAccountant.Admission admission;
        private final CallObservation.AttemptClock clock;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long startedNanos = System.nanoTime();
        private final AtomicBoolean accounted = new AtomicBoolean();
        private volatile int status;
        private Map<String, String> upstreamHeaders = Map.of();
        private StreamRelay relay;

        Attempt(int index, TargetTries tries, UpstreamKey key, UpstreamRequest upstream,
                BudgetAccountant.Admission admission, CallObservation.AttemptClock clock) {
            this.index = index;
            this.tries = tries;
            this.target = tries.target();
            this.key = key;
            this.upstream = upstream;
            this.admission = admission;
            this.clock = clock;
        }

        /**
         * Ends the reservation of an attempt the upstream answered: at the reported usage, else at the reservation.
         * Once per attempt: a cancellation may report a failure while the I/O thread completes the call.
         */
        private void settle(Optional<Usage> usage) {
            if (accounted.compareAndSet(false, true)) {
                CallAccounting.Charge charge = accounting.settle(admission, target, usage, Instant.now());
                observation.settled(charge.usage(), charge.costMicros());
            }
        }

        /** Gives the reservation back: the attempt failed before the upstream answered (or answered an error). */
        private void release() {
            if (accounted.compareAndSet(false, true)) {
                admission.release(Instant.now());
                observation.released();
            }
        }

        /** Whether the upstream began a successful answer (a 2xx status line): from then on a call is charged. */
        private boolean answered() {
            return status / 100 == 2;
        }

        @Override
        public void onHead(int status, Map<String, String> headers) {
            this.status = status;
            this.upstreamHeaders = headers;
            KeyHealth health = with.health().of(key.id());
            if (status >= 500 || status == 401 || status == 403) {
                health.failure(Instant.now());
            } else {
                // Any other answer, a 429 or a client error included, shows the key is there and working.
                health.success(Duration.ofNanos(System.nanoTime() - startedNanos));
            }
            health.recordHeadroom(RateLimitHeadroom.of(headers::get));
            String contentType = headers.getOrDefault("content-type", "");
            if (stream && status / 100 == 2 && contentType.startsWith("text/event-stream")) {
                relay = upstream.codec().stream();
                Map<String, String> out = headers(index, target, "text/event-stream; charset=utf-8");
                out.put("cache-control", "no-cache");
                sink.start(200, out);
            }
        }

        @Override
        public void onData(byte[] chunk) {
            if (relay != null) {
                byte[] out = relay.onBytes(chunk);
                if (out.length > 0) {
                    sink.write(out);
                }
            } else if (buffer.size() + chunk.length <= MAX_BODY) {
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onComplete() {
            if (relay != null) {
                clock.end(status, Optional.empty());
                // Settled before the last bytes go out, so the caller's next request sees this one's cost.
                byte[] end = relay.onEnd();
                settle(relay.usage());
                sink.write(end);
                sink.complete();
            } else if (status / 100 == 2) {
                clock.end(status, Optional.empty());
                answer();
            } else {
                release();
                GatewayException failure = UpstreamFailures.ofStatus(target.provider().name(), status,
                        buffer.toByteArray(), key.value());
                clock.end(status, Optional.of(failure.type().wireType()));
                Map<String, String> keep = upstreamHeaders.containsKey("retry-after")
                        ? Map.of("retry-after", upstreamHeaders.get("retry-after")) : Map.of();
                retryOrFail(index, tries, RetryPolicy.afterStatus(status, retryAfterSeconds(), tries.retriesDone(),
                        target.provider().network(), tries.anotherKey(), ThreadLocalRandom.current()::nextDouble),
                        failure, keep);
            }
        }

        private void answer() {
            byte[] raw = buffer.toByteArray();
            byte[] answer;
            try {
                answer = upstream.codec().body(raw);
            } catch (RuntimeException unreadable) {
                // The upstream answered 2xx: it generated (and bills) something, even if unreadable.
                settle(Optional.empty());
                failed(index, target, new GatewayException(ErrorType.UPSTREAM_ERROR, "provider '"
                        + target.provider().name() + "' answered with a body that could not be read"), Map.of());
                return;
            }
            settle(usageOf(raw));
            sink.respond(status, headers(index, target, "application/json"), answer);
        }

        private OptionalLong retryAfterSeconds() {
            String value = upstreamHeaders.getOrDefault("retry-after", "").strip();
            if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(value));
        }

        private Optional<Usage> usageOf(byte[] raw) {
            try {
                return upstream.codec().usage(raw);
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        @Override
        public void onFailure(Exception cause) {
            if (clientGone) {
                with.health().of(key.id()).abandon();
            } else {
                with.health().of(key.id()).failure(Instant.now());
            }
            GatewayException failure = UpstreamFailures.ofException(target.provider().name(), cause);
            clock.end(0, Optional.of(failure.type().wireType()));
            if (relay != null) {
                // Settled first, so that the request's record, closed by the last write, shows the charge. What
                // streamed before the failure was generated and is billed by the provider: without final usage,
                // the reservation is charged.
                if (!clientGone) {
                    observation.failed(failure);
                }
                settle(relay.usage());
                sink.write(relay.onFailure(failure.getMessage()));
                sink.complete();
            } else {
                if (answered() || clientGone) {
                    // A client that leaves once its request is on its way is charged the reservation: the
                    // upstream may already be generating (and billing) its answer, and leaving must not be a way
                    // to get that work for free.
                    settle(Optional.empty());
                } else {
                    release();
                }
                retryOrFail(index, tries, RetryPolicy.afterFailure(tries.retriesDone(), target.provider().network(),
                        ThreadLocalRandom.current()::nextDouble), failure, Map.of());
            }
        }
    }
}
