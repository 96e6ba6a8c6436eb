package io.iris.gateway.observability;

import io.iris.gateway.common.JsonText;
import io.iris.gateway.governance.accounting.Money;
import io.iris.gateway.routing.RoutingTrace;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The columns of {@code request_logs} (sql/migrations/V003) and how a {@link RequestRecord} fills them: durations
 * in microseconds, cost in USD, absent ids and names as NULL, text cut to its column's width and without NUL
 * characters (PostgreSQL refuses them, and a client can put one in its model name), attempts and the routing trace
 * as JSON text already in the wire shape of {@code GET /api/logs}, so that reading a record translates nothing.
 * Runs on the request log's thread, never on a request's. Stateless.
 */
final class RequestLogColumns {
    /** The width of the JSON and body columns. */
    static final int MAX_TEXT = 1_000_000;
    private static final int NAME = 255;

    /** One column: its name, and its JDBC type for binding a NULL. */
    record Column(String name, int sqlType) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("request_id", Types.VARCHAR), new Column("started_at", Types.TIMESTAMP_WITH_TIMEZONE),
            new Column("endpoint", Types.VARCHAR), new Column("stream", Types.BOOLEAN),
            new Column("virtual_key_id", Types.OTHER), new Column("virtual_key_name", Types.VARCHAR),
            new Column("team_id", Types.OTHER), new Column("team_name", Types.VARCHAR),
            new Column("customer_id", Types.OTHER), new Column("customer_name", Types.VARCHAR),
            new Column("requested_model", Types.VARCHAR), new Column("provider", Types.VARCHAR),
            new Column("model", Types.VARCHAR), new Column("rule", Types.VARCHAR),
            new Column("fallback_index", Types.INTEGER), new Column("status", Types.INTEGER),
            new Column("error_type", Types.VARCHAR), new Column("latency_us", Types.BIGINT),
            new Column("overhead_us", Types.BIGINT), new Column("upstream_us", Types.BIGINT),
            new Column("ttfb_us", Types.BIGINT), new Column("prompt_tokens", Types.BIGINT),
            new Column("completion_tokens", Types.BIGINT), new Column("cost", Types.NUMERIC),
            new Column("attempts", Types.VARCHAR), new Column("trace", Types.VARCHAR),
            new Column("request_body", Types.VARCHAR));

    static final String INSERT = "INSERT INTO request_logs ("
            + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES ("
            + COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";

    private RequestLogColumns() {
    }

    /** The values of one row, in the order of {@link #COLUMNS}; null for SQL NULL. */
    static Object[] values(RequestRecord r) {
        return new Object[] {
                text(r.requestId(), 128),
                r.startedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                text(r.endpoint(), 16),
                r.stream(),
                uuid(r.caller().virtualKeyId()), name(r.caller().virtualKeyName()),
                uuid(r.caller().teamId()), name(r.caller().teamName()),
                uuid(r.caller().customerId()), name(r.caller().customerName()),
                text(r.requestedModel(), 256),
                name(r.provider()),
                r.model().isEmpty() ? null : text(r.model(), 256),
                r.rule().map(RequestLogColumns::name).orElse(null),
                r.fallbackIndex() < 0 ? null : r.fallbackIndex(),
                r.status(),
                r.errorType().map(type -> text(type, 64)).orElse(null),
                micros(r.latencyNanos()), micros(r.overheadNanos()), micros(r.upstreamNanos()),
                r.firstByteNanos().map(RequestLogColumns::micros).orElse(null),
                r.promptTokens(), r.completionTokens(),
                Money.usd(r.costMicros()),
                attempts(r.attempts()),
                trace(r.trace()),
                r.requestBody().map(body -> text(new String(body, StandardCharsets.UTF_8), MAX_TEXT)).orElse(null)
        };
    }

    static void bind(PreparedStatement statement, RequestRecord record) throws SQLException {
        Object[] values = values(record);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, COLUMNS.get(i).sqlType());
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    /** Each upstream call as {@code GET /api/logs/{request_id}} shows it; status null when no answer came. */
    static String attempts(List<RequestRecord.Attempt> attempts) {
        JsonText json = new JsonText(64 + 224 * attempts.size()).writeStartArray();
        for (RequestRecord.Attempt attempt : attempts) {
            json.writeStartObject()
                    .write("fallback_index", attempt.fallbackIndex())
                    .write("provider", attempt.provider())
                    .write("model", attempt.model())
                    .write("key_name", attempt.keyName());
            if (attempt.status() > 0) {
                json.write("status", attempt.status());
            } else {
                json.writeNull("status");
            }
            attempt.errorType().ifPresentOrElse(type -> json.write("error_type", type),
                    () -> json.writeNull("error_type"));
            json.write("started_at", attempt.startedAt().toString())
                    .write("duration_ms", RequestLogJson.millis(micros(attempt.durationNanos())))
                    .writeEnd();
        }
        return text(json.writeEnd().toString(), MAX_TEXT);
    }

    /**
     * The trace's JSON; one too long for its column (thousands of rules over a long chain) is replaced by a marker
     * rather than cut, because cut JSON could not be read back.
     */
    static String trace(RoutingTrace trace) {
        String json = trace.toJsonText();
        return json.length() <= MAX_TEXT ? json : "[{\"truncated\":true,\"steps\":" + trace.steps().size() + "}]";
    }

    static long micros(long nanos) {
        return nanos / 1_000;
    }

    private static String name(String value) {
        return value.isEmpty() ? null : text(value, NAME);
    }

    private static UUID uuid(String id) {
        if (id.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    static String text(String value, int maxChars) {
        String cut = value.length() <= maxChars ? value : value.substring(0, maxChars);
        return cut.indexOf('\0') < 0 ? cut : cut.replace('\0', '\uFFFD');
    }
}
