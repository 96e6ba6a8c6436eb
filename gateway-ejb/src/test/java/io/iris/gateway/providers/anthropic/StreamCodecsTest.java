package io.iris.gateway.providers.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Usage and upstream error events through the three relays of the Anthropic package. */
class StreamCodecsTest {
    private static final String KEY = "sk-ant-api03-TheRealProviderKey0123456789";
    private static final UpstreamMessages MESSAGES = new UpstreamMessages("claude", KEY);
    private static final String ANTHROPIC_ERROR = "event: error\n"
            + "data: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"key " + KEY
            + " over quota, see sk-live-abcdef0123456789\"}}\n\n";
    private static final String OPENAI_ERROR = "data: {\"error\":{\"message\":\"bad key " + KEY + "\"}}\n\n";

    private static String relay(StreamRelay relay, String stream) {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += 11) {
            out.writeBytes(relay.onBytes(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 11))));
        }
        out.writeBytes(relay.onEnd());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertNoSecret(String out) {
        assertFalse(out.contains("TheRealProviderKey") || out.contains("abcdef0123456789"), out);
    }

    @Test
    void anthropicPassthrough_wholeStream_bytesUnchangedAndUsageReported() {
        StreamRelay relay = new AnthropicPassthrough(MESSAGES).stream();

        assertEquals(StreamSamples.ANTHROPIC, relay(relay, StreamSamples.ANTHROPIC));
        assertEquals(Optional.of(new Usage(500, 89)), relay.usage());
    }

    @Test
    void anthropicPassthrough_cutBeforeMessageDelta_noUsage() {
        StreamRelay relay = new AnthropicPassthrough(MESSAGES).stream();

        relay(relay, StreamSamples.ANTHROPIC.substring(0, StreamSamples.ANTHROPIC.indexOf("event: message_delta")));

        assertTrue(relay.usage().isEmpty(), "message_start's counts are not the call's usage");
    }

    @Test
    void anthropicPassthrough_errorEvent_typeKeptMessageCleaned() {
        String out = relay(new AnthropicPassthrough(MESSAGES).stream(), ANTHROPIC_ERROR);

        assertNoSecret(out);
        assertEquals("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                + "\"provider 'claude' reported an error: key [redacted] over quota, see [redacted]\"}}\n\n", out);
    }

    @Test
    void messagesToChat_upstreamErrorEvent_openAiErrorEventCleaned() {
        String out = relay(new MessagesToChatCodec("claude-x", false, MESSAGES).stream(), ANTHROPIC_ERROR);

        assertNoSecret(out);
        assertTrue(out.contains("\"message\":\"provider 'claude' reported an error: key [redacted] over quota"), out);
        assertFalse(out.contains("[DONE]"), "a broken stream never ends cleanly");
    }

    @Test
    void chatToMessages_upstreamErrorChunk_anthropicErrorEventCleaned() {
        String out = relay(new ChatToMessagesCodec("gpt-4o", MESSAGES).stream(), OPENAI_ERROR);

        assertNoSecret(out);
        assertTrue(out.startsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                + "\"message\":\"provider 'claude' reported an error: bad key [redacted]\"}}"), out);
    }

    @Test
    void chatToMessages_streamWithoutTheUsageChunk_noUsage() {
        StreamRelay relay = new ChatToMessagesCodec("gpt-4o", MESSAGES).stream();
        StringBuilder stream = new StringBuilder();
        StreamSamples.OPENAI.stream().filter(data -> !data.contains("\"choices\":[]"))
                .forEach(data -> stream.append("data: ").append(data).append("\n\n"));

        relay(relay, stream.toString());

        assertTrue(relay.usage().isEmpty());
    }

    @Test
    void chatToMessages_streamWithTheUsageChunk_usageReported() {
        StreamRelay relay = new ChatToMessagesCodec("gpt-4o", MESSAGES).stream();
        StringBuilder stream = new StringBuilder();
        StreamSamples.OPENAI.forEach(data -> stream.append("data: ").append(data).append("\n\n"));

        relay(relay, stream.toString());

        assertEquals(Optional.of(new Usage(50, 12)), relay.usage());
    }
}
