package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelGuardTest {

    @Test
    void admit_withinCapacity_valuesPassAsTheyAre() {
        LabelGuard guard = new LabelGuard(2);

        assertEquals("a", guard.admit("a"));
        assertEquals("b", guard.admit("b"));
        assertEquals("a", guard.admit("a"));
    }

    @Test
    void admit_newValueBeyondCapacity_other() {
        LabelGuard guard = new LabelGuard(2);
        guard.admit("a");
        guard.admit("b");

        assertEquals(LabelGuard.OTHER, guard.admit("c"));
        assertEquals("b", guard.admit("b"), "values admitted before stay");
    }
}
