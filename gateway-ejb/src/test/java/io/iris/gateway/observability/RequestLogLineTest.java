package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingTrace;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLogLineTest {

    private static RequestRecord record(Optional<String> errorType) {
        CallerIdentity caller = new CallerIdentity("vk-id", "billing-app", "team-id", "research", "", "");
        return new RequestRecord("req-1", Instant.parse("2026-12-01T00:00:00Z"), "chat", true, caller, "gpt-4o",
                "openai", "gpt-4o", Optional.of("eu-rule"), 1, 200, errorType, 5_500_000, 5_000_000, 0,
                Optional.of(2_000_000L), 12, 30, 1_500, List.of(), new RoutingTrace(List.of()),
                Optional.of("{\"secret\":\"body\"}".getBytes()));
    }

    private static JsonObject parse(String line) {
        return JsonP.PROVIDER.createReader(new StringReader(line)).readObject();
    }

    @Test
    void format_servedStream_oneJsonObjectWithTheRecordsFacts() {
        JsonObject line = parse(RequestLogLine.format(record(Optional.empty())));

        assertEquals("req-1", line.getString("request_id"));
        assertEquals("billing-app", line.getString("virtual_key"));
        assertEquals("research", line.getString("team"));
        assertEquals("eu-rule", line.getString("rule"));
        assertEquals(1, line.getInt("fallback_index"));
        assertEquals(5.5, line.getJsonNumber("latency_ms").doubleValue(), 1e-9);
        assertEquals(0.5, line.getJsonNumber("overhead_ms").doubleValue(), 1e-9);
        assertEquals(2.0, line.getJsonNumber("time_to_first_byte_ms").doubleValue(), 1e-9);
        assertEquals(0.0015, line.getJsonNumber("cost_usd").doubleValue(), 1e-12);
        assertFalse(line.containsKey("customer"), "no customer: left out");
        assertFalse(line.containsKey("error_type"));
    }

    @Test
    void format_bodyLogged_bodyNeverInTheLine() {
        String line = RequestLogLine.format(record(Optional.of("upstream_error")));

        assertFalse(line.contains("secret"));
        assertEquals("upstream_error", parse(line).getString("error_type"));
    }
}
