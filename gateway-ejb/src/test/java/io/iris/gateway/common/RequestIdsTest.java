package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void fromClient_printableAsciiUpTo128_keptAsGiven() {
        String longest = "a".repeat(128);
        assertEquals("req-42_abc.DEF:~!", RequestIds.fromClient("req-42_abc.DEF:~!"));
        assertEquals(longest, RequestIds.fromClient(longest));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", "a b", "id\r\nx-evil: 1", "id\n", "id\u007f",
            "id\u0000", "caf\u00e9", "id\u2028", "\t"})
    void fromClient_unsafeValue_replacedByANewId(String given) {
        String id = RequestIds.fromClient(given);

        assertNotEquals(given, id);
        assertEquals(7, UUID.fromString(id).version());
    }

    @Test
    void fromClient_129CharactersOrAbsent_replacedByANewId() {
        assertEquals(7, UUID.fromString(RequestIds.fromClient("a".repeat(129))).version());
        assertEquals(7, UUID.fromString(RequestIds.fromClient(null)).version());
    }

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
