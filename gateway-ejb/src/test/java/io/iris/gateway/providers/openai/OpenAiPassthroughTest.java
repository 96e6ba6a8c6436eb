package io.iris.gateway.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiPassthroughTest {
    private static final String KEY = "sk-proj-TheRealProviderKey0123456789";
    private static final UpstreamMessages MESSAGES = new UpstreamMessages("oai", KEY);

    /** A chat stream as OpenAI sends it when include_usage was asked for. */
    private static final String ASKED = """
            data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}

            data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}

            data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

            data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

            data: [DONE]

            """;
    /** The same stream as a client that did not ask gets it from OpenAI. */
    private static final String NOT_ASKED = """
            data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

            data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: [DONE]

            """;

    private static String relay(StreamRelay relay, String stream, int chunkSize) {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunkSize));
            out.writeBytes(relay.onBytes(chunk));
        }
        out.writeBytes(relay.onEnd());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stream_gatewayAskedForUsage_clientGetsTheStreamItAskedForAndUsageIsRead() {
        for (int size : new int[] {1, 7, 64, 100_000}) {
            StreamRelay relay = new OpenAiPassthrough(true, MESSAGES).stream();

            assertEquals(NOT_ASKED, relay(relay, ASKED, size), "chunks of " + size);
            assertEquals(Optional.of(new Usage(9, 2)), relay.usage());
        }
    }

    @Test
    void stream_clientAskedForUsage_bytesUnchangedAndUsageRead() {
        StreamRelay relay = new OpenAiPassthrough(false, MESSAGES).stream();

        assertEquals(ASKED, relay(relay, ASKED, 100_000));
        assertEquals(Optional.of(new Usage(9, 2)), relay.usage());
    }

    @Test
    void stream_plainChunks_sameArrayPassedOn() {
        StreamRelay relay = new OpenAiPassthrough(true, MESSAGES).stream();
        byte[] chunk = NOT_ASKED.getBytes(StandardCharsets.UTF_8);

        assertSame(chunk, relay.onBytes(chunk));
    }

    @Test
    void stream_endsBeforeTheUsageChunk_noUsage() {
        StreamRelay relay = new OpenAiPassthrough(true, MESSAGES).stream();

        relay(relay, ASKED.substring(0, ASKED.indexOf("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\","
                + "\"choices\":[]")), 50);

        assertTrue(relay.usage().isEmpty());
    }

    @Test
    void stream_usageOnTheLastContentChunk_keptAsReadButTakenOutForTheClient() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}\n\n";
        StreamRelay relay = new OpenAiPassthrough(true, MESSAGES).stream();

        assertEquals("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
                relay(relay, stream, 10));
        assertEquals(Optional.of(new Usage(5, 1)), relay.usage());
    }

    @Test
    void stream_upstreamErrorEventWithSecrets_replacedByACleanedErrorEvent() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                + "data: {\"error\": {\"message\": \"bad key " + KEY + " and sk-live-abcdef0123456789\\nretry\","
                + " \"type\": \"server_error\"}}\n\n";
        for (boolean hide : new boolean[] {true, false}) {
            String out = relay(new OpenAiPassthrough(hide, MESSAGES).stream(), stream, 13);

            assertFalse(out.contains("TheRealProviderKey") || out.contains("abcdef0123456789"), out);
            assertTrue(out.contains("data: {\"error\":{\"message\":\"provider 'oai' reported an error: bad key "
                    + "[redacted] and [redacted] retry\",\"type\":\"upstream_error\""), out);
            assertTrue(out.startsWith("data: {\"choices\""), out);
        }
    }

    @Test
    void stream_errorAsAStringOrNull_stringCleanedNullIgnored() {
        String out = relay(new OpenAiPassthrough(false, MESSAGES).stream(),
                "data: {\"error\":\"key_abcdef123456 expired\"}\n\ndata: {\"choices\":[],\"error\":null}\n\n", 4);

        assertTrue(out.startsWith("data: {\"error\":{\"message\":\"provider 'oai' reported an error: [redacted] expired\""),
                out);
        assertTrue(out.endsWith("data: {\"choices\":[],\"error\":null}\n\n"), out);
    }

    @Test
    void body_usageAbsent_empty() {
        OpenAiPassthrough codec = new OpenAiPassthrough(false, MESSAGES);

        assertTrue(codec.usage("{\"choices\":[]}".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertEquals(Optional.of(new Usage(1, 2)), codec.usage(
                "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}".getBytes(StandardCharsets.UTF_8)));
    }
}
