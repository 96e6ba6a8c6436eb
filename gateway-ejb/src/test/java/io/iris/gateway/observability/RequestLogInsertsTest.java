package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RequestLogInsertsTest {

    @Test
    void refusedData_valueTooLongOrConstraint_true() {
        assertTrue(RequestLogInserts.refusedData(new SQLException("value too long", "22001")));
        assertTrue(RequestLogInserts.refusedData(new SQLException("duplicate", "23505")));
    }

    @Test
    void refusedData_connectionLost_false() {
        assertFalse(RequestLogInserts.refusedData(new SQLException("connection refused", "08001")));
        assertFalse(RequestLogInserts.refusedData(new SQLException("no state")));
    }

    @Test
    void refusedData_batchFailureCarryingTheCauseAsNextException_true() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 failed", "", new int[0]);
        batch.setNextException(new SQLException("invalid byte sequence", "22021"));

        assertTrue(RequestLogInserts.refusedData(batch));
    }
}
