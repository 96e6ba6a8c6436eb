package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.observability.RequestRecord;
import io.iris.gateway.observability.RequestTracing;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.security.ClientOrigin;
import io.iris.gateway.snapshot.ProviderRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallObservationTest {
    private final List<RequestRecord> records = new ArrayList<>();

    private CallObservation observation(boolean keepBody) {
        ProxyRequest request = new ProxyRequest(Endpoint.CHAT, Map.of("traceparent", "00-abc-def-01"), Map.of(),
                "{\"model\":\"gpt-4o\"}".getBytes(), "req-1", System.nanoTime(),
                new ClientOrigin("192.0.2.1", "POST", "/v1/chat/completions"));
        return new CallObservation(request, keepBody, RequestTracing.untraced(request.headers()), records::add);
    }

    private static Target target(String provider) {
        return new Target(new ProviderRoute(UUID.randomUUID(), provider, ProviderType.OPENAI, "http://x", null,
                List.of("*"), true, new ProviderRoute.Network(1000, 1000, 1000, 0, 100, 1000), List.of()),
                "gpt-4o", Set.of());
    }

    @Test
    void finish_afterAFailedAttemptAndAFallback_recordHasBothAttemptsAndTheServedTarget() {
        CallObservation observation = observation(false);
        observation.request(CallerIdentity.NONE, "gpt-4o", false);
        observation.attempt(0, target("primary"), "k0").end(503, Optional.of("upstream_error"));
        CallObservation.AttemptClock served = observation.attempt(1, target("backup"), "k1");
        served.end(200, Optional.empty());
        observation.settled(new Usage(10, 20), 1_234);
        observation.started(200);

        observation.finish(false);

        RequestRecord record = records.get(0);
        assertEquals("backup", record.provider());
        assertEquals(1, record.fallbackIndex());
        assertEquals(2, record.attempts().size());
        assertEquals(503, record.attempts().get(0).status());
        assertEquals("k1", record.attempts().get(1).keyName());
        assertEquals(1_234, record.costMicros());
        assertEquals(30, record.promptTokens() + record.completionTokens());
        assertTrue(record.latencyNanos() >= record.upstreamNanos());
        assertTrue(record.requestBody().isEmpty(), "bodies only when log_request_bodies is on");
    }

    @Test
    void finish_calledTwice_oneRecord() {
        CallObservation observation = observation(true);
        observation.started(200);

        observation.finish(false);
        observation.finish(true);

        assertEquals(1, records.size());
        assertTrue(records.get(0).requestBody().isPresent());
    }

    @Test
    void finish_clientGoneBeforeAnyByte_status499ClientClosed() {
        CallObservation observation = observation(false);

        observation.finish(true);

        assertEquals(499, records.get(0).status());
        assertEquals(Optional.of("client_closed"), records.get(0).errorType());
    }

    @Test
    void finish_clientGoneWhileAnAttemptHoldsAReservation_recordedOnceSettledWithTheCharge() {
        CallObservation observation = observation(false);
        observation.attempt(0, target("p"), "k0");
        observation.started(200);

        observation.finish(true);
        assertTrue(records.isEmpty(), "waits for the charge");
        observation.settled(new Usage(100, 1024), 5_000);

        assertEquals(1, records.size());
        assertEquals(5_000, records.get(0).costMicros());
        assertEquals(1124, records.get(0).promptTokens() + records.get(0).completionTokens());
        assertEquals(200, records.get(0).status());
    }

    @Test
    void finish_clientGoneWhileAnAttemptHoldsAReservation_recordedOnceReleased() {
        CallObservation observation = observation(false);
        observation.attempt(0, target("p"), "k0");

        observation.finish(true);
        observation.released();

        assertEquals(1, records.size());
        assertEquals(499, records.get(0).status());
        assertEquals(0, records.get(0).costMicros());
    }

    @Test
    void failed_refusedBeforeRouting_errorTypeOfTheRefusal() {
        CallObservation observation = observation(false);
        observation.failed(new GatewayException(ErrorType.INVALID_REQUEST, "'model' is required"));
        observation.started(400);

        observation.finish(false);

        assertEquals(Optional.of(ErrorType.INVALID_REQUEST.wireType()), records.get(0).errorType());
        assertEquals(-1, records.get(0).fallbackIndex());
    }

    @Test
    void attempt_tracingOff_callersTraceHeadersGoUpstream() {
        CallObservation observation = observation(false);

        CallObservation.AttemptClock clock = observation.attempt(0, target("p"), "k0");

        assertEquals(Map.of("traceparent", "00-abc-def-01"), clock.traceHeaders());
    }
}
