package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.governance.accounting.Accounting;
import io.iris.gateway.governance.accounting.LiveCapacity;
import io.iris.gateway.observability.LiveGauges;
import io.iris.gateway.observability.RequestLogWriter;
import io.iris.gateway.observability.RequestMetrics;
import io.iris.gateway.observability.RequestRecord;
import io.iris.gateway.observability.RequestRecording;
import io.iris.gateway.observability.RequestTracing;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RandomSource;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.routing.RoutingEngine;
import io.iris.gateway.routing.RoutingTrace;
import io.iris.gateway.security.AuthGuard;
import io.iris.gateway.security.ClientOrigin;
import io.iris.gateway.security.CredentialKind;
import io.iris.gateway.security.FailureReason;
import io.iris.gateway.security.ThrottledException;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.Snapshots;
import io.iris.gateway.upstream.KeyHealthRegistry;
import io.iris.gateway.upstream.UpstreamClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The data-plane pipeline: authenticate the virtual key against the snapshot, read the few body fields that
 * matter, resolve the target, and hand the call to the upstream client; the answer flows back through the
 * {@link ClientSink}. No database, no lock, no thread held while the upstream works. Thread-safe.
 */
@ApplicationScoped
public class ProxyService {
    @Inject
    Snapshots snapshots;

    @Inject
    UpstreamClient client;

    @Inject
    Accounting accounting;

    @Inject
    MetricRegistry metrics;

    @Inject
    KeyHealthRegistry health;

    @Inject
    RequestMetrics requestMetrics;

    @Inject
    LiveGauges gauges;

    @Inject
    RequestLogWriter requestLog;

    @Inject
    RequestTracing tracing;

    /** Refuses addresses that failed authentication too often, and hears of each failure. */
    @Inject
    AuthGuard authGuard;

    /** Off: finished requests go to neither the metrics nor the request log; switchable at run time. */
    @Inject
    RequestRecording recording;

    /**
     * Calls served at no cost because their model has no price; the model label is bounded by
     * {@link UnpricedSightings} (names can come from callers).
     */
    static final String UNPRICED = "iris_unpriced_calls";
    private static final Logger LOG = Logger.getLogger(ProxyService.class.getName());

    private final UnpricedSightings unpricedSightings = new UnpricedSightings(UnpricedSightings.CAPACITY,
            Logger.getLogger(CallAccounting.class.getName())::warning);
    private final CallAccounting.Unpriced unpriced = new CallAccounting.Unpriced() {
        @Override
        public void sighted(String provider, String model) {
            unpricedSightings.sighted(provider, model);
        }

        @Override
        public void served(String provider, String model) {
            String label = unpricedSightings.label(provider, model);
            String key = provider + '\u0000' + label;
            Counter counter = unpricedCounters.get(key);
            if (counter == null) {
                counter = unpricedCounters.computeIfAbsent(key, k -> metrics.counter(UNPRICED,
                        new Tag("provider", provider), new Tag("model", label)));
            }
            counter.inc();
        }
    };
    /**
     * The counters of {@link #UNPRICED} by provider and label, looked up in the registry once each: a registry
     * lookup checks the new tags against every metric of the name (a profile under load showed it as the costliest
     * step of an unpriced call). Bounded as the labels are, by {@link UnpricedSightings#CAPACITY} per provider.
     */
    private final Map<String, Counter> unpricedCounters = new ConcurrentHashMap<>();

    private ProxyCall.Collaborators collaborators;
    private final RoutingEngine routing = new RoutingEngine(RandomSource.threadLocal(),
            provider -> health.weights().providerFactor(provider));

    private ScheduledExecutorService retryTimer;

    @PostConstruct
    void init() {
        // One daemon thread for delayed retries and the weight recomputation: no request waits on it.
        retryTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "iris-retry-timer");
            thread.setDaemon(true);
            return thread;
        });
        collaborators = new ProxyCall.Collaborators(client, StandardAdapters.create(), retryTimer, health);
        // Key weights follow health; worked out here, once a second, so that requests only read them.
        retryTimer.scheduleAtFixedRate(this::recomputeKeyWeights, 1, 1, TimeUnit.SECONDS);
    }

    private void recomputeKeyWeights() {
        try {
            GatewaySnapshot snapshot = snapshots.current();
            health.recomputeWeights(snapshot.providersInOrder());
            gauges.sync(snapshot, accounting.counters());
        } catch (RuntimeException e) {
            // A failed round keeps the previous weights; the timer must keep running for the next one.
            LOG.log(Level.WARNING, "recomputing key weights or gauges failed", e);
        }
    }

    @PreDestroy
    void stop() {
        retryTimer.shutdownNow();
    }

    /** Serves one request; returns at once, the answer arrives in {@code sink} later. */
    public void handle(ProxyRequest request, ClientSink client) {
        GatewaySnapshot snapshot = snapshots.current();
        CallObservation observation = new CallObservation(request, snapshot.config().logRequestBodies(),
                tracing.start(CallObservation.operation(request.endpoint()), request.requestId(), request.headers()),
                recording.isEnabled() ? this::recorded : ProxyService::notRecorded);
        ClientSink sink = new ObservedSink(client, observation);
        try {
            Optional<CallerGrant> caller = authenticate(request.headers(), request.origin(), snapshot);
            RequestJson body = RequestJson.parse(request.body());
            // Checked before the names reach routing, pricing, metrics, logs or response headers.
            String model = RequestLimits.model(body);
            List<String> fallbacks = RequestLimits.fallbacks(body);
            RequestLimits.outputTokens(body);
            boolean stream = request.endpoint() != Endpoint.EMBEDDINGS && body.bool("stream");
            CallerIdentity identity = caller.map(RoutingInputs::identity).orElse(CallerIdentity.NONE);
            observation.request(identity, model, stream);
            Instant routingStart = Instant.now();
            RoutingDecision decision = routing.decide(
                    RoutingInputs.request(request, body, model, stream, caller, snapshot), snapshot.routing(),
                    new LiveCapacity(snapshot.limits(), accounting.counters(), Clock.systemUTC()),
                    snapshot.config().routingChainMaxDepth());
            observation.routed(decision, routingStart);
            Target first = TargetResolver.resolve(decision, caller, snapshot);
            CallAccounting governance = new CallAccounting(snapshot, accounting.accountant(), identity, body,
                    unpriced);
            List<String> named = decision.fallbacks().orElse(fallbacks);
            // The virtual key's own fallbacks are only looked for once the first target has failed.
            Supplier<List<String>> chain = named.isEmpty()
                    ? () -> TargetResolver.grantFallbacks(first, caller, snapshot) : () -> named;
            new ProxyCall(request, sink, snapshot, caller, body, stream, chain, decision, governance, observation,
                    collaborators).start(first);
        } catch (GatewayException e) {
            observation.failed(e);
            respondWithError(sink, request, e, e instanceof ThrottledException throttled
                    ? Map.of("retry-after", Long.toString(throttled.retryAfterSeconds())) : Map.of());
        }
    }

    /**
     * A data-plane request refused before its body was read (no such endpoint, a body over the limit), already
     * answered: it is recorded like any other, with no caller (the key was never looked at).
     */
    public void refusedBeforeReading(Optional<Endpoint> endpoint, String requestId, long receivedNanos,
                                     GatewayException refusal) {
        answeredHere(endpoint.map(e -> e.requestType(false)).orElse("unknown"), requestId, receivedNanos,
                Optional.empty(), refusal.status(), Optional.of(refusal.type().wireType()));
    }

    /**
     * A request the gateway answered itself, without an upstream call (the model list, or a refusal): recorded
     * like a proxied one, with no provider, model, attempts or trace.
     */
    public void answeredHere(String endpoint, String requestId, long receivedNanos, Optional<CallerGrant> caller,
                             int status, Optional<String> errorType) {
        if (!recording.isEnabled()) {
            return;
        }
        recorded(new RequestRecord(requestId, Instant.now(), endpoint, false,
                caller.map(RoutingInputs::identity).orElse(CallerIdentity.NONE), "", "", "", Optional.empty(), -1,
                status, errorType, System.nanoTime() - receivedNanos, 0, 0, Optional.empty(), 0, 0, 0, List.of(),
                new RoutingTrace(List.of()), Optional.empty()));
    }

    /**
     * A request is over, its client answered: its record goes to the metrics and the request log. Whether a
     * request is recorded is decided when it arrives, so a switch of {@link RequestRecording} applies to the
     * requests that arrive after it.
     */
    private void recorded(RequestRecord record) {
        try {
            requestMetrics.record(record);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording metrics of a request failed", e);
        }
        try {
            requestLog.enqueue(record);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "queueing a request for the request log failed", e);
        }
    }

    private static void notRecorded(RequestRecord record) {
        // Records were off when the request arrived.
    }

    /**
     * The virtual key of a request that needs nothing but it (model listing, a key's own usage), from {@code origin}.
     *
     * @throws ThrottledException when the origin's address failed authentication too often (429, Retry-After)
     * @throws GatewayException when the key is missing where one is required, unknown, inactive or expired
     */
    public Optional<CallerGrant> authenticate(Map<String, String> headers, ClientOrigin origin) {
        return authenticate(headers, origin, snapshots.current());
    }

    /**
     * Authentication with the throttle around it: a blocked address is refused before its key is looked at, and a
     * missing or unknown key counts against its address. The way through costs one map lookup.
     */
    private Optional<CallerGrant> authenticate(Map<String, String> headers, ClientOrigin origin,
                                               GatewaySnapshot snapshot) {
        authGuard.requireNotThrottled(origin, CredentialKind.VIRTUAL_KEY);
        try {
            return CallerAuthenticator.authenticate(headers, snapshot, Instant.now());
        } catch (GatewayException refused) {
            if (refused.type() == ErrorType.AUTHENTICATION) {
                authGuard.failed(origin, CredentialKind.VIRTUAL_KEY, CallerAuthenticator.presentsKey(headers)
                        ? FailureReason.INVALID : FailureReason.MISSING);
            }
            throw refused;
        }
    }

    public GatewaySnapshot snapshot() {
        return snapshots.current();
    }

    static void respondWithError(ClientSink sink, ProxyRequest request, GatewayException e,
                                 Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        headers.put("x-request-id", request.requestId());
        sink.respond(e.status(), headers, ErrorBodies.of(request.endpoint().clientFormat(), e));
    }
}
