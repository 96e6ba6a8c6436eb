package io.iris.gateway.observability;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the request log for the management API: pages newest first, one record by request id, statistics. Plain
 * JDBC reads, each on its own pooled connection; they take no lock that the log's writer waits for. Thread-safe.
 */
@ApplicationScoped
public class RequestLogs {
    @Resource(lookup = "jdbc/iris")
    DataSource dataSource;

    /** A page of records in the API's shape, and the cursor of the next page when there is one. */
    public record Page(List<JsonObject> records, Optional<LogCursor> next) {
    }

    public Page list(RequestLogQuery query) {
        SqlConditions where = new SqlConditions();
        query.virtualKeyId().ifPresent(id -> where.add("virtual_key_id = ?", id));
        query.teamId().ifPresent(id -> where.add("team_id = ?", id));
        query.provider().ifPresent(provider -> where.add("provider = ?", provider));
        query.model().ifPresent(model -> where.add("model = ?", model));
        query.status().ifPresent(status -> where.add("status = ?", status));
        query.rule().ifPresent(rule -> where.add("rule = ?", rule));
        query.from().ifPresent(from -> where.add("started_at >= ?", utc(from)));
        query.to().ifPresent(to -> where.add("started_at < ?", utc(to)));
        query.cursor().ifPresent(after -> where.add("(started_at < ? OR (started_at = ? AND id < ?))",
                utc(after.startedAt()), utc(after.startedAt()), after.id()));
        // One row more than the page tells whether another page follows.
        String sql = "SELECT " + RequestLogJson.SELECT + " FROM request_logs" + where.where()
                + " ORDER BY started_at DESC, id DESC FETCH FIRST " + (query.limit() + 1) + " ROWS ONLY";
        List<JsonObject> records = new ArrayList<>();
        LogCursor[] last = new LogCursor[1];
        boolean more = select(sql, where, row -> {
            if (records.size() == query.limit()) {
                return false;
            }
            records.add(RequestLogJson.of(row));
            last[0] = RequestLogJson.position(row);
            return true;
        });
        return new Page(records, more ? Optional.of(last[0]) : Optional.empty());
    }

    /** The record of {@code requestId}; the newest, should a client have sent the same id twice. */
    public Optional<JsonObject> find(String requestId) {
        SqlConditions where = new SqlConditions().add("request_id = ?", requestId);
        String sql = "SELECT " + RequestLogJson.SELECT + " FROM request_logs" + where.where()
                + " ORDER BY started_at DESC, id DESC FETCH FIRST 1 ROWS ONLY";
        List<JsonObject> found = new ArrayList<>(1);
        select(sql, where, row -> found.add(RequestLogJson.of(row)));
        return found.stream().findFirst();
    }

    /** One entry per group, the busiest first. */
    public List<JsonObject> stats(LogStatsQuery query) {
        SqlConditions range = new SqlConditions().add("started_at >= ?", utc(query.from()))
                .add("started_at < ?", utc(query.to()));
        List<JsonObject> groups = new ArrayList<>();
        select(RequestLogStats.sql(query.groupBy(), range), range,
                row -> groups.add(RequestLogStats.of(row, query.groupBy())));
        return groups;
    }

    /** Takes rows while {@code rows} wants more; returns whether it stopped before the last row. */
    private boolean select(String sql, SqlConditions params, RowConsumer rows) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            params.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (!rows.take(row)) {
                        return true;
                    }
                }
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the request log failed", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface RowConsumer {
        /** @return whether to go on with the next row */
        boolean take(ResultSet row) throws SQLException;
    }
}
