package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void next_anyTime_versionSevenRfcVariantWithTheTimeInItsFirstBits() {
        long millis = 1_795_000_000_123L;

        UUID id = RequestIds.next(millis);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void next_aMillisecondLater_sortsAfterAsText() {
        for (int i = 0; i < 1_000; i++) {
            String earlier = RequestIds.next(1_795_000_000_123L + i).toString();
            String later = RequestIds.next(1_795_000_000_124L + i).toString();

            assertTrue(earlier.compareTo(later) < 0, earlier + " vs " + later);
        }
    }

    @Test
    void next_sameMillisecond_stillDistinct() {
        assertNotEquals(RequestIds.next(1_795_000_000_123L), RequestIds.next(1_795_000_000_123L));
    }

    @Test
    void next_now_parsesAsAUuid() {
        String id = RequestIds.next();

        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(36, id.length());
    }
}
