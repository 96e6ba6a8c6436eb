package io.iris.gateway.observability;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from the conditions a query has, each with its parameters in order, so that filters are
 * always bound, never spliced into the SQL. Not thread-safe: one per query.
 */
final class SqlConditions {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    SqlConditions add(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(List.of(values));
        return this;
    }

    /** {@code " WHERE a AND b"}, or {@code ""} when there is no condition. */
    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
