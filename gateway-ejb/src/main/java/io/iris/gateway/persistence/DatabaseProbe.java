package io.iris.gateway.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database answers now: a connection from the pool that validates within two seconds. */
@ApplicationScoped
public class DatabaseProbe {
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/iris")
    DataSource dataSource;

    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
