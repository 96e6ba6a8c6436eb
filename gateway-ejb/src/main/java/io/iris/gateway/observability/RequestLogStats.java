package io.iris.gateway.observability;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The statistics of {@code GET /api/logs/stats}, worked out by the database in one GROUP BY over the time range:
 * requests, errors (an error status, or a stream that broke after it started), latency percentiles
 * ({@code PERCENTILE_CONT}, the same on H2 and PostgreSQL), tokens and cost per group, the busiest groups first.
 * Stateless.
 */
final class RequestLogStats {
    /** Groups returned at most: models named by clients are not bounded by configuration. */
    static final int MAX_GROUPS = 1000;
    private static final JsonBuilderFactory JSON = JsonP.PROVIDER.createBuilderFactory(Map.of());

    private RequestLogStats() {
    }

    /** The query over the rows {@code where} selects. */
    static String sql(LogStatsQuery.GroupBy groupBy, SqlConditions where) {
        String name = groupBy.nameColumn == null ? "" : ", MAX(" + groupBy.nameColumn + ") AS group_name";
        return "SELECT " + groupBy.column + " AS group_key" + name + ", COUNT(*) AS requests,"
                + " SUM(CASE WHEN status >= 400 OR error_type IS NOT NULL THEN 1 ELSE 0 END) AS errors,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(latency_us AS DOUBLE PRECISION)) AS p50,"
                + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY CAST(latency_us AS DOUBLE PRECISION)) AS p95,"
                + " SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,"
                + " SUM(cost) AS cost"
                + " FROM request_logs" + where.where()
                + " GROUP BY " + groupBy.column
                + " ORDER BY requests DESC, group_key"
                + " FETCH FIRST " + MAX_GROUPS + " ROWS ONLY";
    }

    static JsonObject of(ResultSet row, LogStatsQuery.GroupBy groupBy) throws SQLException {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        nullable(json, "key", row.getString("group_key"));
        if (groupBy.nameColumn != null) {
            nullable(json, "name", row.getString("group_name"));
        }
        long requests = row.getLong("requests");
        long errors = row.getLong("errors");
        return json.add("count", requests)
                .add("errors", errors)
                .add("error_rate", requests == 0 ? 0.0 : (double) errors / requests)
                .add("latency_p50_ms", millis(row.getDouble("p50")))
                .add("latency_p95_ms", millis(row.getDouble("p95")))
                .add("prompt_tokens", row.getLong("prompt_tokens"))
                .add("completion_tokens", row.getLong("completion_tokens"))
                .add("cost", RequestLogJson.usd(row.getBigDecimal("cost")))
                .build();
    }

    private static BigDecimal millis(double micros) {
        return BigDecimal.valueOf(micros).movePointLeft(3).setScale(3, RoundingMode.HALF_UP);
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
