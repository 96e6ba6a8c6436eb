package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.governance.ModelFilter;
import io.iris.gateway.governance.ResetPeriod;
import io.iris.gateway.governance.accounting.BudgetAccountant;
import io.iris.gateway.governance.accounting.CounterKey;
import io.iris.gateway.governance.accounting.CounterSpec;
import io.iris.gateway.governance.accounting.InMemoryCounterStore;
import io.iris.gateway.governance.accounting.LimitBook;
import io.iris.gateway.governance.accounting.Price;
import io.iris.gateway.governance.accounting.PriceBook;
import io.iris.gateway.observability.RequestRecord;
import io.iris.gateway.observability.RequestTracing;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.routing.RoutingTable;
import io.iris.gateway.routing.RoutingTrace;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import io.iris.gateway.upstream.KeyHealthRegistry;
import io.iris.gateway.upstream.UpstreamClient;
import io.iris.gateway.upstream.UpstreamListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import io.iris.gateway.security.ClientOrigin;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How ProxyCall ends an attempt's reservation (API.md §4, "Nothing runs free by accident"): charged at the
 * reported usage, charged at the reservation when an answered call ends without usage, released only when the
 * upstream never answered 2xx. The upstream is scripted; no network.
 */
class ProxyCallSettlementTest {
    /** 400 prompt characters: 100 tokens estimated; output bound 100 tokens. */
    private static final String BODY = "{\"model\":\"p/gpt-4o\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"" + "x".repeat(400 - 15) + "\"}]";
    /** $1 per million input tokens, $2 per million output: 1 and 2 micro-dollars a token. */
    private static final long RESERVATION = 100 * 1 + 100 * 2;
    private static final String USAGE_CHUNK = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
            + "\"completion_tokens\":2}}\n\n";
    private static final String CONTENT_CHUNK = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}"
            + "\n\n";

    private final CallerIdentity caller = new CallerIdentity(UUID.randomUUID().toString(), "app", "", "", "", "");
    private final CounterKey budget = new CounterKey(UUID.randomUUID(), CounterKey.Kind.BUDGET);
    private final InMemoryCounterStore store = new InMemoryCounterStore();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<RequestRecord> records = new ArrayList<>();
    private final FakeSink client = new FakeSink();
    private final List<byte[]> forwarded = new ArrayList<>();
    private boolean cancelled;

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** An upstream that plays {@code script} on the listener when called. */
    private UpstreamClient upstream(Consumer<UpstreamListener> script) {
        return new UpstreamClient() {
            @Override
            public Cancellation send(UpstreamRequest request, ProviderRoute.Network network, int idleTimeoutMs,
                                     UpstreamListener listener) {
                forwarded.add(request.body());
                script.accept(listener);
                return () -> {
                    cancelled = true;
                    listener.onFailure(new CancellationException("cancelled"));
                };
            }
        };
    }

    private void run(boolean stream, Consumer<UpstreamListener> script) {
        ProviderRoute provider = new ProviderRoute(UUID.randomUUID(), "p", ProviderType.OPENAI, "http://127.0.0.1:1/v1",
                null, List.of("*"), true, new ProviderRoute.Network(100, 100, 100, 0, 1, 1),
                List.of(new UpstreamKey(UUID.randomUUID(), "k", "sk-key-value-01", 1, ModelFilter.ALL, true)));
        Instant now = Instant.now();
        List<CounterSpec> specs = List.of(new CounterSpec(budget, 1_000_000_000, ResetPeriod.parse("1d").orElseThrow(),
                false, 0, now.minusSeconds(60)));
        store.sync(specs);
        LimitBook limits = new LimitBook(Map.of(), Map.of(), Map.of(), Map.of(caller.virtualKeyId(), List.of(budget)),
                Map.of(), Map.of(), specs, Map.of());
        Price price = new Price();
        price.setProviderAndModel("p", "gpt-4o");
        price.setPrices(BigDecimal.ONE, BigDecimal.valueOf(2));
        GatewaySnapshot snapshot = new GatewaySnapshot(Map.of("p", provider), Map.of(), GatewayConfig.DEFAULTS,
                RoutingTable.EMPTY, limits, PriceBook.of(List.of(price)));
        String body = BODY + (stream ? ",\"stream\":true}" : "}");
        ProxyRequest request = new ProxyRequest(Endpoint.CHAT, Map.of(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), "req-1", System.nanoTime(),
                new ClientOrigin("127.0.0.1", "POST", "/v1/chat/completions"));
        RequestJson json = RequestJson.parse(request.body());
        CallObservation observation = new CallObservation(request, false, RequestTracing.untraced(Map.of()),
                records::add);
        CallAccounting accounting = new CallAccounting(snapshot, new BudgetAccountant(store, Clock.systemUTC()),
                caller, json, new CallAccounting.Unpriced() {
                    @Override
                    public void sighted(String p, String m) {
                    }

                    @Override
                    public void served(String p, String m) {
                    }
                });
        RoutingDecision decision = new RoutingDecision("p", "gpt-4o", Optional.empty(), Optional.empty(),
                Optional.empty(), new RoutingTrace(List.of()));
        ProxyCall.Collaborators with = new ProxyCall.Collaborators(upstream(script), StandardAdapters.create(), timer,
                new KeyHealthRegistry());
        new ProxyCall(request, new ObservedSink(client, observation), snapshot, Optional.empty(), json, stream,
                List::of, decision, accounting, observation, with)
                .start(new Target(provider, "gpt-4o", Set.of()));
    }

    private long charged() {
        return store.counter(budget).orElseThrow().used(Instant.now());
    }

    private static Map<String, String> sse() {
        return Map.of("content-type", "text/event-stream");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stream_upstreamReportsUsage_chargedItsCostAndTheClientNeverSeesIt() {
        run(true, upstream -> {
            upstream.onHead(200, sse());
            upstream.onData(bytes(CONTENT_CHUNK + USAGE_CHUNK + "data: [DONE]\n\n"));
            upstream.onComplete();
        });

        assertEquals(9 + 2 * 2, charged());
        assertEquals(CONTENT_CHUNK + "data: [DONE]\n\n", client.text());
        assertTrue(new String(forwarded.get(0), StandardCharsets.UTF_8)
                .endsWith(",\"stream_options\":{\"include_usage\":true}}"));
        assertEquals(13, records.get(0).costMicros());
    }

    @Test
    void stream_endsCleanlyWithoutUsage_chargedTheReservation() {
        run(true, upstream -> {
            upstream.onHead(200, sse());
            upstream.onData(bytes(CONTENT_CHUNK + "data: [DONE]\n\n"));
            upstream.onComplete();
        });

        assertEquals(RESERVATION, charged());
        assertEquals(RESERVATION, records.get(0).costMicros());
        assertEquals(200, records.get(0).promptTokens() + records.get(0).completionTokens(), "the estimate");
    }

    @Test
    void stream_upstreamBreaksMidway_chargedTheReservationAndTheClientGetsAnErrorEvent() {
        run(true, upstream -> {
            upstream.onHead(200, sse());
            upstream.onData(bytes(CONTENT_CHUNK));
            upstream.onFailure(new IOException("connection reset"));
        });

        assertEquals(RESERVATION, charged());
        assertTrue(client.text().contains("\"error\""), client.text());
        assertFalse(client.text().contains("[DONE]"));
    }

    @Test
    void stream_clientLeavesMidway_upstreamCancelledReservationChargedAndRecordedWithIt() {
        run(true, upstream -> {
            upstream.onHead(200, sse());
            upstream.onData(bytes(CONTENT_CHUNK));
        });

        client.disconnect();

        assertTrue(cancelled, "the upstream call is cancelled");
        assertEquals(RESERVATION, charged());
        assertEquals(1, records.size());
        assertEquals(RESERVATION, records.get(0).costMicros(), "the record waited for the charge");
    }

    @Test
    void chat_answeredWithoutUsageMember_chargedTheReservation() {
        run(false, upstream -> {
            upstream.onHead(200, Map.of("content-type", "application/json"));
            upstream.onData(bytes("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"Hi\"}}]}"));
            upstream.onComplete();
        });

        assertEquals(200, client.status);
        assertEquals(RESERVATION, charged());
    }

    @Test
    void chat_answeredWithUsage_chargedItsCost() {
        run(false, upstream -> {
            upstream.onHead(200, Map.of("content-type", "application/json"));
            upstream.onData(bytes("{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2}}"));
            upstream.onComplete();
        });

        assertEquals(13, charged());
    }

    @Test
    void chat_bodyCutAfterA200_chargedTheReservation() {
        run(false, upstream -> {
            upstream.onHead(200, Map.of("content-type", "application/json"));
            upstream.onData(bytes("{\"choices\":["));
            upstream.onFailure(new IOException("connection reset"));
        });

        assertEquals(502, client.status);
        assertEquals(RESERVATION, charged());
    }

    @Test
    void chat_clientLeavesBeforeTheAnswer_upstreamCancelledReservationCharged() {
        run(false, upstream -> {
        });

        client.disconnect();

        assertTrue(cancelled, "the upstream call is cancelled");
        assertEquals(RESERVATION, charged(), "leaving is not a way to have the upstream work for free");
        assertEquals(0, store.counter(budget).orElseThrow().reserved(Instant.now()), "nothing left reserved");
    }

    @Test
    void chat_upstream500_releasedNothingCharged() {
        run(false, upstream -> {
            upstream.onHead(500, Map.of("content-type", "application/json"));
            upstream.onData(bytes("{\"error\":{\"message\":\"boom\"}}"));
            upstream.onComplete();
        });

        assertEquals(502, client.status);
        assertEquals(0, charged());
        assertEquals(0, store.counter(budget).orElseThrow().reserved(Instant.now()), "nothing left reserved");
    }

    @Test
    void stream_connectionRefusedBeforeAnyAnswer_releasedNothingCharged() {
        run(true, upstream -> upstream.onFailure(new ConnectException("refused")));

        assertEquals(502, client.status);
        assertEquals(0, charged());
        assertEquals(0, store.counter(budget).orElseThrow().reserved(Instant.now()));
    }

    /** The client's connection: what it got, and a way to make it leave. */
    private static final class FakeSink implements ClientSink {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private Runnable onDisconnect = () -> { };
        int status;

        @Override
        public void start(int status, Map<String, String> headers) {
            this.status = status;
        }

        @Override
        public void write(byte[] bytes) {
            body.writeBytes(bytes);
        }

        @Override
        public void complete() {
        }

        @Override
        public void onDisconnect(Runnable onDisconnect) {
            this.onDisconnect = onDisconnect;
        }

        void disconnect() {
            onDisconnect.run();
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
