package io.iris.gateway.providers.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFilterTest {
    /** Drops events whose data is "drop", replaces "secret" by "[redacted]", keeps the rest. */
    private static final SseFilter.Rewrite REWRITE = event -> switch (event.data()) {
        case "drop" -> new byte[0];
        case "secret" -> SseWriter.data("[redacted]");
        default -> SseFilter.Rewrite.KEEP;
    };

    private static final String STREAM = ": keep-alive\n\n"
            + "data: one\n\n"
            + "data: drop\n\n"
            + "event: named\r\ndata: two\r\n\r\n"
            + "data: secret\n\n"
            + "data: drop\r\n\r\n"
            + "data: [DONE]\n\n";
    private static final String EXPECTED = ": keep-alive\n\n"
            + "data: one\n\n"
            + "event: named\r\ndata: two\r\n\r\n"
            + "data: [redacted]\n\n"
            + "data: [DONE]\n\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String relay(List<byte[]> chunks) {
        SseFilter filter = new SseFilter(REWRITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(chunk -> out.writeBytes(filter.onBytes(chunk)));
        out.writeBytes(filter.onEnd());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<SseEvent> events(String text) {
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>(parser.feed(bytes(text), 0, bytes(text).length));
        events.addAll(parser.finish());
        return events;
    }

    @Test
    void onBytes_wholeStream_droppedAndReplacedBlocksOnlyChanged() {
        assertEquals(EXPECTED, relay(List.of(bytes(STREAM))));
        assertEquals(List.of(new SseEvent(null, "one"), new SseEvent("named", "two"), new SseEvent(null, "[redacted]"),
                new SseEvent(null, "[DONE]")), events(EXPECTED));
    }

    @Test
    void onBytes_streamSplitAtEveryTwoPositions_sameOutput() {
        byte[] all = bytes(STREAM);
        for (int a = 0; a <= all.length; a++) {
            for (int b = a; b <= all.length; b += 3) {
                List<byte[]> chunks = List.of(java.util.Arrays.copyOfRange(all, 0, a),
                        java.util.Arrays.copyOfRange(all, a, b), java.util.Arrays.copyOfRange(all, b, all.length));
                assertEquals(EXPECTED, relay(chunks), "split at " + a + ", " + b);
            }
        }
    }

    @Test
    void onBytes_everyBlockKeptAndChunkEndsOnABoundary_theSameArray() {
        SseFilter filter = new SseFilter(REWRITE);
        byte[] chunk = bytes("data: a\n\ndata: b\n\n");

        assertSame(chunk, filter.onBytes(chunk));
    }

    @Test
    void onBytes_unfinishedBlock_heldUntilItsBlankLine() {
        SseFilter filter = new SseFilter(REWRITE);

        assertEquals(0, filter.onBytes(bytes("data: a\n")).length);
        assertEquals("data: a\n\n", new String(filter.onBytes(bytes("\n")), StandardCharsets.UTF_8));
    }

    @Test
    void onEnd_lastEventWithoutBlankLine_decidedLikeTheOthers() {
        assertEquals("data: x\n\n", relay(List.of(bytes("data: x\n\ndata: drop"))));
        assertEquals("data: x\n\ndata: y", relay(List.of(bytes("data: x\n\ndata: y"))));
        assertEquals("data: x\n\n: trailing comment", relay(List.of(bytes("data: x\n\n: trailing comment"))));
    }

    @Test
    void onBytes_blockLargerThanTheHoldLimit_passedOnAsItComesAndNeverDropped() {
        SseFilter filter = new SseFilter(REWRITE);
        byte[] big = bytes("data: " + "z".repeat(SseFilter.MAX_HELD_BYTES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        out.writeBytes(filter.onBytes(big));
        assertTrue(out.size() >= big.length, "an oversized block is not held");
        out.writeBytes(filter.onBytes(bytes("\n\ndata: drop\n\ndata: next\n\n")));
        out.writeBytes(filter.onEnd());

        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("z\n\ndata: next\n\n"), text.substring(text.length() - 40));
    }
}
