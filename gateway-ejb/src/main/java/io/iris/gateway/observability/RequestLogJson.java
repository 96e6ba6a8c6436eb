package io.iris.gateway.observability;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A row of {@code request_logs} as the API shows it (API.md §5): snake_case fields, durations in milliseconds,
 * cost in USD, null for what is absent, and the attempts and trace as the JSON they were stored as. Stateless.
 */
final class RequestLogJson {
    /** The select list of a whole row, the row id first. */
    static final String SELECT = "id, " + RequestLogColumns.COLUMNS.stream().map(RequestLogColumns.Column::name)
            .collect(Collectors.joining(", "));
    private static final JsonBuilderFactory JSON = JsonP.PROVIDER.createBuilderFactory(Map.of());

    private RequestLogJson() {
    }

    /** Where this row stands in the newest-first order. */
    static LogCursor position(ResultSet row) throws SQLException {
        return new LogCursor(startedAt(row), row.getLong("id"));
    }

    static JsonObject of(ResultSet row) throws SQLException {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("request_id", row.getString("request_id"))
                .add("time", startedAt(row).toString())
                .add("endpoint", row.getString("endpoint"))
                .add("stream", row.getBoolean("stream"));
        for (String column : new String[] {"virtual_key_id", "virtual_key_name", "team_id", "team_name",
                "customer_id", "customer_name"}) {
            text(json, column, row.getString(column));
        }
        json.add("requested_model", row.getString("requested_model"));
        text(json, "provider", row.getString("provider"));
        text(json, "model", row.getString("model"));
        text(json, "rule", row.getString("rule"));
        long fallbackIndex = row.getLong("fallback_index");
        if (row.wasNull()) {
            json.addNull("fallback_index");
        } else {
            json.add("fallback_index", fallbackIndex);
        }
        json.add("status", row.getInt("status"));
        text(json, "error_type", row.getString("error_type"));
        json.add("latency_ms", millis(row.getLong("latency_us")))
                .add("overhead_ms", millis(row.getLong("overhead_us")))
                .add("upstream_ms", millis(row.getLong("upstream_us")));
        long ttfb = row.getLong("ttfb_us");
        if (row.wasNull()) {
            json.addNull("time_to_first_byte_ms");
        } else {
            json.add("time_to_first_byte_ms", millis(ttfb));
        }
        long prompt = row.getLong("prompt_tokens");
        long completion = row.getLong("completion_tokens");
        json.add("prompt_tokens", prompt).add("completion_tokens", completion).add("total_tokens", prompt + completion)
                .add("cost", usd(row.getBigDecimal("cost")))
                .add("attempts", array(row.getString("attempts")))
                .add("trace", array(row.getString("trace")));
        text(json, "request_body", row.getString("request_body"));
        return json.build();
    }

    /** Microseconds as milliseconds, exactly: {@code 1234567} is {@code 1234.567}. */
    static BigDecimal millis(long micros) {
        return BigDecimal.valueOf(micros, 3);
    }

    /** USD as the API writes money: no trailing zeros from the column's scale, never in exponent notation. */
    static BigDecimal usd(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Instant startedAt(ResultSet row) throws SQLException {
        return row.getObject("started_at", OffsetDateTime.class).toInstant();
    }

    private static JsonArray array(String json) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
