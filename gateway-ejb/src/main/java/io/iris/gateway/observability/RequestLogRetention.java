package io.iris.gateway.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Deletes request log rows older than the retention period, a bounded chunk per call, each chunk its own short
 * transaction: a purge of months of rows never holds locks for long nor grows one huge transaction, and the log's
 * thread writes new records between chunks. Used by the request log's one thread only.
 */
final class RequestLogRetention {
    /** Rows one call deletes at most. */
    static final int CHUNK = 5_000;
    private static final String DELETE_CHUNK = "DELETE FROM request_logs WHERE id IN (SELECT id FROM request_logs"
            + " WHERE started_at < ? FETCH FIRST " + CHUNK + " ROWS ONLY)";

    private final DataSource dataSource;
    private final Optional<Duration> keep;

    /** @param retentionDays how long rows are kept; 0 or less keeps them forever */
    RequestLogRetention(DataSource dataSource, int retentionDays) {
        this.dataSource = dataSource;
        this.keep = retentionDays > 0 ? Optional.of(Duration.ofDays(retentionDays)) : Optional.empty();
    }

    /** Rows that started before this are due for deletion; empty when rows are kept forever. */
    Optional<Instant> cutoff(Instant now) {
        return keep.map(now::minus);
    }

    boolean enabled() {
        return keep.isPresent();
    }

    /**
     * Deletes up to {@link #CHUNK} rows that are due.
     *
     * @return whether more may be due (a whole chunk was deleted)
     */
    boolean purgeChunk(Instant now) throws SQLException {
        Optional<Instant> cutoff = cutoff(now);
        if (cutoff.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE_CHUNK)) {
            connection.setAutoCommit(true);
            delete.setObject(1, cutoff.get().atOffset(ZoneOffset.UTC));
            return delete.executeUpdate() >= CHUNK;
        }
    }
}
