package io.iris.gateway.providers.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseWriterTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void data_json_dataLineAndBlankLine() {
        assertEquals("data: {\"a\":\"\u00e9\"}\n\n", text(SseWriter.data("{\"a\":\"\u00e9\"}")));
    }

    @Test
    void event_nameAndJson_eventLineDataLineAndBlankLine() {
        assertEquals("event: ping\ndata: {\"type\":\"ping\"}\n\n", text(SseWriter.event("ping", "{\"type\":\"ping\"}")));
    }

    @Test
    void done_always_openAiEndMarker() {
        assertEquals("data: [DONE]\n\n", text(SseWriter.DONE));
    }

    @Test
    void data_payloadWithLineEnds_oneDataLinePerLineAndParsesBack() {
        byte[] bytes = SseWriter.data("a\nb\r\nc");
        assertEquals("data: a\ndata: b\ndata: c\n\n", text(bytes));
        assertEquals(List.of(new SseEvent(null, "a\nb\nc")), new SseParser().feed(bytes, 0, bytes.length));
    }

    @Test
    void event_nameWithLineEnd_throws() {
        assertThrows(IllegalArgumentException.class, () -> SseWriter.event("a\nb", "{}"));
    }

    @Test
    void write_namedAndUnnamedEvents_parseBackEqual() {
        for (SseEvent event : List.of(new SseEvent("message_stop", "{}"), new SseEvent(null, "[DONE]"))) {
            byte[] bytes = SseWriter.write(event);
            assertEquals(List.of(event), new SseParser().feed(bytes, 0, bytes.length));
        }
    }
}
