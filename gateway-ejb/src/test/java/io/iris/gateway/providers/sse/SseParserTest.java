package io.iris.gateway.providers.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    /** Mixed line ends, a comment, ignored fields, multi-line data and characters of 2 to 4 bytes. */
    private static final String SAMPLE = "\uFEFF: keep-alive\r\n"
            + "event: message_start\r\n"
            + "id: 7\r\n"
            + "retry: 1000\r\n"
            + "data: {\"a\":\"h\u00e9llo\"}\r\n"
            + "\r\n"
            + "data:first\n"
            + "data: second \u2713\n"
            + "\n"
            + "event: ping\r"
            + "data: \uD83D\uDE00\r"
            + "\r"
            + "data: last";

    private static final List<SseEvent> SAMPLE_EVENTS = List.of(
            new SseEvent("message_start", "{\"a\":\"h\u00e9llo\"}"),
            new SseEvent(null, "first\nsecond \u2713"),
            new SseEvent("ping", "\uD83D\uDE00"),
            new SseEvent(null, "last"));

    private static List<SseEvent> parseWhole(String text) {
        SseParser parser = new SseParser();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = new ArrayList<>(parser.feed(bytes, 0, bytes.length));
        events.addAll(parser.finish());
        return events;
    }

    @Test
    void feed_wholeSample_allEventsInOrder() {
        assertEquals(SAMPLE_EVENTS, parseWhole(SAMPLE));
    }

    @Test
    void feed_sampleSplitAtEveryBytePosition_sameEvents() {
        byte[] bytes = SAMPLE.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            SseParser parser = new SseParser();
            List<SseEvent> events = new ArrayList<>(parser.feed(bytes, 0, split));
            events.addAll(parser.feed(bytes, split, bytes.length - split));
            events.addAll(parser.finish());
            assertEquals(SAMPLE_EVENTS, events, "split at " + split);
        }
    }

    @Test
    void feed_sampleByteByByte_sameEvents() {
        byte[] bytes = SAMPLE.getBytes(StandardCharsets.UTF_8);
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            events.addAll(parser.feed(bytes, i, 1));
        }
        events.addAll(parser.finish());
        assertEquals(SAMPLE_EVENTS, events);
    }

    @Test
    void feed_completeEvent_dispatchedByTheFeedThatEndsIt() {
        SseParser parser = new SseParser();
        byte[] first = "data: x\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "\ndata: y".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), parser.feed(first, 0, first.length));
        assertEquals(List.of(new SseEvent(null, "x")), parser.feed(second, 0, second.length));
        assertEquals(List.of(new SseEvent(null, "y")), parser.finish());
    }

    @Test
    void feed_crAtChunkEndThenLf_singleLineEnd() {
        SseParser parser = new SseParser();
        byte[] bytes = "data: a\r\n\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = new ArrayList<>(parser.feed(bytes, 0, 8));
        events.addAll(parser.feed(bytes, 8, 3));
        events.addAll(parser.feed(bytes, 11, bytes.length - 11));
        assertEquals(List.of(new SseEvent(null, "a"), new SseEvent(null, "b")), events);
    }

    @Test
    void feed_colonSpacing_onlyOneLeadingSpaceDropped() {
        assertEquals(List.of(new SseEvent(null, "a\n b\nc ")), parseWhole("data:a\ndata:  b\ndata: c \n\n"));
    }

    @Test
    void feed_dataWithoutColon_emptyLine() {
        assertEquals(List.of(new SseEvent(null, "\nx")), parseWhole("data\ndata: x\n\n"));
    }

    @Test
    void feed_singleEmptyData_dispatchesEmptyData() {
        assertEquals(List.of(new SseEvent(null, "")), parseWhole("data:\n\n"));
    }

    @Test
    void feed_eventWithoutData_notDispatchedAndNameForgotten() {
        assertEquals(List.of(new SseEvent(null, "x")), parseWhole("event: lost\nid: 1\n\ndata: x\n\n"));
    }

    @Test
    void feed_commentsAndUnknownFields_ignored() {
        assertEquals(List.of(new SseEvent("e", "x")), parseWhole(":c\nfoo: bar\nevent: e\n: data: no\ndata: x\n\n"));
    }

    @Test
    void feed_eventName_notCarriedToNextEvent() {
        assertEquals(List.of(new SseEvent("one", "1"), new SseEvent(null, "2")),
                parseWhole("event: one\ndata: 1\n\ndata: 2\n\n"));
    }

    @Test
    void feed_extraBlankLines_noEmptyEvents() {
        assertEquals(List.of(new SseEvent(null, "1")), parseWhole("\n\n\ndata: 1\n\n\n\n"));
    }

    @Test
    void feed_offsetAndLength_readsOnlyThatRange() {
        byte[] bytes = "xxdata: in\n\nyy".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new SseEvent(null, "in")), new SseParser().feed(bytes, 2, 10));
    }

    @Test
    void feed_rangeOutsideArray_throws() {
        assertThrows(IndexOutOfBoundsException.class, () -> new SseParser().feed(new byte[4], 2, 3));
    }

    @Test
    void feed_invalidUtf8_replacementCharacter() {
        byte[] bytes = {'d', 'a', 't', 'a', ':', (byte) 0xFF, '\n', '\n'};
        assertEquals(List.of(new SseEvent(null, "\uFFFD")), new SseParser().feed(bytes, 0, bytes.length));
    }

    @Test
    void feed_longLine_keptWhole() {
        String payload = "x".repeat(10_000);
        assertEquals(List.of(new SseEvent(null, payload)), parseWhole("data: " + payload + "\n\n"));
    }

    @Test
    void finish_nothingPending_empty() {
        SseParser parser = new SseParser();
        byte[] bytes = "data: a\n\n".getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
        assertEquals(List.of(), parser.finish());
    }

    @Test
    void finish_dataLineEndedButNoBlankLine_flushed() {
        assertEquals(List.of(new SseEvent("e", "a")), parseWhole("event: e\ndata: a\n"));
    }
}
