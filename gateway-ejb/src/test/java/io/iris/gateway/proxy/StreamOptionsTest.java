package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RequestJson.forUpstream(model, true) and asksForUsage(), through StreamOptions. */
class StreamOptionsTest {

    private static RequestJson parse(String json) {
        return RequestJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String withUsage(String json) {
        return new String(parse(json).forUpstream("m", true), StandardCharsets.UTF_8);
    }

    @Test
    void forUpstream_streamOptionsAbsent_addedAtTheEndEveryOtherByteKept() {
        assertEquals("{\"model\":\"m\", \"stream\": true ,\"stream_options\":{\"include_usage\":true}}",
                withUsage("{\"model\":\"x\", \"stream\": true }"));
    }

    @Test
    void forUpstream_includeUsageFalse_setToTrue() {
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                withUsage("{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}"));
        assertEquals("{\"stream\":true,\"stream_options\":{ \"include_usage\" : true },\"model\":\"m\"}",
                withUsage("{\"stream\":true,\"stream_options\":{ \"include_usage\" : null },\"model\":\"x\"}"));
    }

    @Test
    void forUpstream_streamOptionsWithOtherMembers_includeUsageInsertedTheOthersKept() {
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true,"
                        + "\"include_obfuscation\":false}}",
                withUsage("{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}}"));
    }

    @Test
    void forUpstream_streamOptionsEmptyOrNull_askingObject() {
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                withUsage("{\"model\":\"x\",\"stream\":true,\"stream_options\":{}}"));
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                withUsage("{\"model\":\"x\",\"stream\":true,\"stream_options\":null}"));
    }

    @Test
    void forUpstream_alreadyAsked_onlyTheModelRewritten() {
        String body = "{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
        assertEquals(new String(parse(body).forUpstream("m"), StandardCharsets.UTF_8), withUsage(body));
        assertTrue(parse(body).asksForUsage());
    }

    @Test
    void forUpstream_fallbacksRemovedAndUsageAdded_bothApplied() {
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                withUsage("{\"model\":\"x\",\"stream\":true,\"fallbacks\":[\"a/b\"]}"));
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                withUsage("{\"fallbacks\":[\"a/b\"],\"model\":\"x\",\"stream\":true}"));
    }

    @Test
    void forUpstream_duplicateIncludeUsageInsideOptions_everyOneSetToTrue() {
        assertEquals("{\"model\":\"m\",\"stream_options\":{\"include_usage\":true,\"include_usage\":true}}",
                withUsage("{\"model\":\"x\",\"stream_options\":{\"include_usage\":true,\"include_usage\":false}}"));
    }

    @Test
    void forUpstream_streamOptionsNotAnObject_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withUsage("{\"model\":\"x\",\"stream\":true,\"stream_options\":\"yes\"}"));
        assertEquals("'stream_options' must be an object", e.getMessage());
    }

    @Test
    void forUpstream_withoutAskingForUsage_streamOptionsUntouched() {
        String body = "{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}";
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}",
                new String(parse(body).forUpstream("m", false), StandardCharsets.UTF_8));
    }

    @Test
    void asksForUsage_onlyWhenEveryIncludeUsageIsTrue() {
        assertFalse(parse("{\"stream\":true}").asksForUsage());
        assertFalse(parse("{\"stream_options\":null}").asksForUsage());
        assertFalse(parse("{\"stream_options\":{}}").asksForUsage());
        assertFalse(parse("{\"stream_options\":{\"include_usage\":false}}").asksForUsage());
        assertFalse(parse("{\"stream_options\":{\"include_usage\":true,\"include_usage\":false}}").asksForUsage());
        assertFalse(parse("{\"stream_options\":{\"x\":{\"include_usage\":true}}}").asksForUsage());
        assertTrue(parse("{\"stream_options\":{\"x\":1, \"include_usage\" :true}}").asksForUsage());
    }
}
