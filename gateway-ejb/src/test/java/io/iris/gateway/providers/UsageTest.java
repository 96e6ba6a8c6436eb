package io.iris.gateway.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void totalTokens_promptAndCompletion_sum() {
        assertEquals(42, new Usage(30, 12).totalTokens());
    }

    @Test
    void none_always_zeroTokens() {
        assertEquals(0, Usage.NONE.totalTokens());
    }

    @Test
    void constructor_negativeCount_throws() {
        assertThrows(IllegalArgumentException.class, () -> new Usage(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Usage(0, -1));
    }
}
