package io.iris.gateway.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;

/**
 * Inserts request records into {@code request_logs} with plain JDBC: a batch is one JDBC batch in one transaction,
 * so it is written whole or not at all and can be tried again. A batch the database refuses for its data (a value
 * it will not take: SQLSTATE class 22 or 23) would be refused forever and hold up every record behind it, so it
 * is then written one record at a time and only the records refused are given up. Used by the request log's one
 * thread only.
 */
final class RequestLogInserts {
    private final DataSource dataSource;

    RequestLogInserts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes and removes every record of {@code batch}.
     *
     * @return how many records were given up because the database refused their data
     * @throws SQLException when the database failed otherwise (unreachable, ...); the records not written are still
     *                      in {@code batch}
     */
    int insert(Deque<RequestRecord> batch) throws SQLException {
        try {
            insertTogether(batch);
            batch.clear();
            return 0;
        } catch (SQLException e) {
            if (!refusedData(e)) {
                throw e;
            }
        }
        int refused = 0;
        while (!batch.isEmpty()) {
            try {
                insertTogether(List.of(batch.peekFirst()));
            } catch (SQLException e) {
                if (!refusedData(e)) {
                    throw e;
                }
                refused++;
            }
            batch.removeFirst();
        }
        return refused;
    }

    private void insertTogether(Iterable<RequestRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(RequestLogColumns.INSERT)) {
                for (RequestRecord record : records) {
                    RequestLogColumns.bind(insert, record);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /** Whether the database refused the data itself (SQLSTATE class 22 data exception, 23 constraint violation). */
    static boolean refusedData(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
