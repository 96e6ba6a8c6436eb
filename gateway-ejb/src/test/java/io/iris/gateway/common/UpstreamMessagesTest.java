package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpstreamMessagesTest {

    @Test
    void redact_keyValueAndKeyLikeTokens_replaced() {
        assertEquals("bad key [redacted], also [redacted] and [redacted]",
                UpstreamMessages.redact("bad key my-own-secret-value, also sk-live-abcdef0123 and key_ZZZZ9999",
                        "my-own-secret-value"));
    }

    @Test
    void redact_lineBreaksAndRuns_oneLine() {
        assertEquals("a b c", UpstreamMessages.redact("  a\r\n\tb \u2028 c ", ""));
    }

    @Test
    void redact_longMessage_cutTo300AndMarked() {
        String cut = UpstreamMessages.redact("x ".repeat(1_000), "");
        assertEquals(303, cut.length());
        assertTrue(cut.endsWith("..."));
    }

    @Test
    void streamError_namesTheProvider() {
        assertEquals("provider 'p' reported an error: no [redacted]",
                new UpstreamMessages("p", "k-123456").streamError("no k-123456"));
        assertEquals("provider 'p' reported an error", new UpstreamMessages("p", "").streamError(" "));
    }
}
