package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.DataPlane.pricedProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry spans (issue 7): the IT server runs the SDK with the logging exporter (gateway-ear's pom), so
 * every finished span is a line in messages.log. The caller's W3C trace context is the parent, the upstream gets
 * the attempt span's context, and the spans carry the GenAI attributes.
 */
class TracingIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void chat_withTraceparent_spansExportedInTheCallersTraceAndContextPassedUpstream() throws Exception {
        String key = scriptedKey("");
        String provider = pricedProvider(key);
        String traceId = hex(16);
        String callerSpan = hex(8);

        HttpResponse<String> response = DataPlane.call("POST", "/v1/chat/completions",
                DataPlane.chat(provider + "/gpt-4o").toString(), Map.of("Authorization", "Bearer "
                        + DataPlane.virtualKey(), "traceparent", "00-" + traceId + "-" + callerSpan + "-01"));

        assertEquals(200, response.statusCode(), response.body());
        String upstream = MOCK.requestsWithKey(key).get(0).header("traceparent").orElseThrow();
        assertTrue(upstream.startsWith("00-" + traceId + "-"), "same trace upstream: " + upstream);
        assertNotEquals(callerSpan, upstream.split("-")[2], "a child span of the gateway's");
        List<String> spans = awaitSpans(traceId, 4); // the server's HTTP span, the request, routing, one attempt
        String request = spans.stream().filter(line -> line.contains("'chat " + provider + "/gpt-4o'"))
                .findFirst().orElseThrow(() -> new AssertionError("no request span: " + spans));
        assertTrue(request.contains("gen_ai.usage.input_tokens") && request.contains("gen_ai.provider.name="
                + provider) && request.contains("gen_ai.response.model=gpt-4o"), request);
        String client = spans.stream().filter(line -> line.contains(" CLIENT ")).findFirst().orElseThrow();
        assertTrue(client.contains("'chat gpt-4o'"), "an attempt span names the model sent upstream: " + client);
        assertTrue(client.contains(upstream.split("-")[2]), "the upstream's parent is the attempt span: " + client);
        assertTrue(client.contains("iris.fallback_index=0") && client.contains("iris.key_name="), client);
        assertTrue(spans.stream().anyMatch(line -> line.contains("'route'")), "a routing span");
        assertTrue(spans.stream().noneMatch(line -> line.contains(key)), "no provider key value in a span");
    }

    /** The exported span lines of the trace, once there are at least {@code count} (bounded wait). */
    private static List<String> awaitSpans(String traceId, int count) throws IOException, InterruptedException {
        List<String> found = List.of();
        for (int i = 0; i < 50 && found.size() < count; i++) {
            Thread.sleep(100);
            found = Files.readAllLines(Gateway.SERVER_DIR.resolve("logs/messages.log")).stream()
                    .filter(line -> line.contains(traceId) && line.contains("' : ")).toList();
        }
        assertTrue(found.size() >= count, "spans of trace " + traceId + ": " + found);
        return found;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
