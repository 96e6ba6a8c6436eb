package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingTrace;
import io.iris.gateway.routing.RuleScope;
import io.iris.gateway.routing.RuleTrace;
import io.iris.gateway.routing.TraceStep;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestLogColumnsTest {

    @Test
    void values_servedRecord_tableUnitsAndTypes() {
        Object[] row = RequestLogColumns.values(Records.served());

        assertEquals("req-1", value(row, "request_id"));
        assertEquals(OffsetDateTime.parse("2026-03-01T10:00:00.123456Z"), value(row, "started_at"),
                "to the microsecond, in UTC");
        assertEquals(UUID.fromString(Records.CALLER.virtualKeyId()), value(row, "virtual_key_id"));
        assertEquals("team-a", value(row, "team_name"));
        assertEquals(45_678L, value(row, "latency_us"));
        assertEquals(40_500L, value(row, "upstream_us"));
        assertEquals(5_178L, value(row, "overhead_us"));
        assertEquals(new BigDecimal("0.001500"), value(row, "cost"));
        assertEquals("eu-rule", value(row, "rule"));
        assertEquals(0, value(row, "fallback_index"));
        assertEquals("[]", value(row, "trace"));
    }

    @Test
    void values_nothingResolved_absentValuesAreNull() {
        RequestRecord refused = new RequestRecord("req-2", Records.STARTED, "chat", false, CallerIdentity.NONE, "",
                "", "", Optional.empty(), -1, 401, Optional.of("authentication_error"), 1_000, 0, 0,
                Optional.empty(), 0, 0, 0, List.of(), new RoutingTrace(List.of()), Optional.empty());

        Object[] row = RequestLogColumns.values(refused);

        for (String column : List.of("virtual_key_id", "virtual_key_name", "team_id", "customer_id", "provider",
                "model", "rule", "fallback_index", "ttfb_us", "request_body")) {
            assertNull(value(row, column), column);
        }
        assertEquals("authentication_error", value(row, "error_type"));
        assertEquals("[]", value(row, "attempts"));
    }

    @Test
    void values_nulInClientText_replacedBecausePostgresRefusesIt() {
        RequestRecord record = Records.served().withRequestBody(Optional.of("{\"a\":\"\0\"}"
                .getBytes(StandardCharsets.UTF_8)));

        Object[] row = RequestLogColumns.values(record);

        assertEquals("{\"a\":\"\uFFFD\"}", value(row, "request_body"));
    }

    @Test
    void attempts_oneServedAttempt_wireShape() {
        JsonArray attempts = Json.createReader(new StringReader(RequestLogColumns.attempts(
                Records.served().attempts()))).readArray();

        JsonObject attempt = attempts.getJsonObject(0);
        assertEquals("openai", attempt.getString("provider"));
        assertEquals("primary", attempt.getString("key_name"));
        assertEquals(200, attempt.getInt("status"));
        assertTrue(attempt.isNull("error_type"));
        assertEquals("2026-03-01T10:00:00.124456789Z", attempt.getString("started_at"));
        assertEquals(new BigDecimal("40.500"), attempt.getJsonNumber("duration_ms").bigDecimalValue());
    }

    @Test
    void insert_everyColumn_oneParameter() {
        long parameters = RequestLogColumns.INSERT.chars().filter(c -> c == '?').count();

        assertEquals(RequestLogColumns.COLUMNS.size(), parameters);
        assertEquals(RequestLogColumns.COLUMNS.size(), RequestLogColumns.values(Records.served()).length);
    }

    @Test
    void trace_longerThanTheColumn_replacedByAReadableMarker() {
        List<RuleTrace> rules = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rules.add(new RuleTrace("rule-number-" + i, UUID.randomUUID(), RuleScope.GLOBAL, i, RuleTrace.Result.NO_MATCH,
                    Optional.empty(), List.of(), List.of()));
        }
        TraceStep step = new TraceStep(0, "", "gpt-4o", List.of(), rules, Map.of(), Optional.empty(), Optional.empty(),
                TraceStep.Outcome.NO_MATCH);
        RoutingTrace trace = new RoutingTrace(List.of(step, step));

        String stored = RequestLogColumns.trace(trace);

        assertEquals("[{\"truncated\":true,\"steps\":2}]", stored);
    }

    private static Object value(Object[] row, String column) {
        for (int i = 0; i < RequestLogColumns.COLUMNS.size(); i++) {
            if (RequestLogColumns.COLUMNS.get(i).name().equals(column)) {
                return row[i];
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }
}
