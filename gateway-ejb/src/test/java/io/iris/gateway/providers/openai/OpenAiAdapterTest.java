package io.iris.gateway.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.governance.ModelFilter;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.providers.anthropic.AnthropicRequests;
import io.iris.gateway.providers.anthropic.ChatToMessagesCodec;
import io.iris.gateway.proxy.RequestJson;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenAiAdapterTest {
    private static final ProviderRoute PROVIDER = new ProviderRoute(UUID.randomUUID(), "oai", ProviderType.OPENAI,
            "http://127.0.0.1:1/v1", null, List.of("*"), true, new ProviderRoute.Network(1, 1, 1, 0, 1, 1), List.of());
    private static final UpstreamKey KEY = new UpstreamKey(UUID.randomUUID(), "k", "sk-test-value-0001", 1,
            ModelFilter.ALL, true);
    private final OpenAiAdapter adapter = new OpenAiAdapter(AnthropicRequests::toChat, ChatToMessagesCodec::new);

    private String forwarded(Endpoint endpoint, String body, boolean stream) {
        UpstreamRequest request = adapter.prepare(endpoint, PROVIDER, KEY, "gpt-4o",
                RequestJson.parse(body.getBytes(StandardCharsets.UTF_8)), stream);
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    @Test
    void prepare_streamingChatWithoutIncludeUsage_asksForUsage() {
        assertEquals("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[],"
                        + "\"stream_options\":{\"include_usage\":true}}",
                forwarded(Endpoint.CHAT, "{\"model\":\"oai/gpt-4o\",\"stream\":true,\"messages\":[]}", true));
    }

    @Test
    void prepare_streamingLegacyCompletion_asksForUsage() {
        assertTrue(forwarded(Endpoint.COMPLETIONS, "{\"model\":\"x\",\"stream\":true,\"prompt\":\"hi\"}", true)
                .endsWith(",\"stream_options\":{\"include_usage\":true}}"));
    }

    @Test
    void prepare_nonStreamingOrEmbeddings_bodyOnlyModelRewritten() {
        assertEquals("{\"model\":\"gpt-4o\",\"messages\":[]}",
                forwarded(Endpoint.CHAT, "{\"model\":\"x\",\"messages\":[]}", false));
        assertEquals("{\"model\":\"gpt-4o\",\"input\":\"hi\"}",
                forwarded(Endpoint.EMBEDDINGS, "{\"model\":\"x\",\"input\":\"hi\"}", false));
    }

    @Test
    void prepare_anthropicStreamToOpenAiProvider_translationAsksForUsage() {
        String body = forwarded(Endpoint.MESSAGES, "{\"model\":\"x\",\"max_tokens\":5,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", true);
        assertTrue(body.contains("\"stream_options\":{\"include_usage\":true}"), body);
    }

    @Test
    void prepare_clientAskedForUsage_streamKeepsTheUsageChunk() {
        String asked = "{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
        UpstreamRequest request = adapter.prepare(Endpoint.CHAT, PROVIDER, KEY, "gpt-4o",
                RequestJson.parse(asked.getBytes(StandardCharsets.UTF_8)), true);
        byte[] usageChunk = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}\n\n"
                .getBytes(StandardCharsets.UTF_8);

        var relay = request.codec().stream();

        assertEquals(usageChunk.length, relay.onBytes(usageChunk).length);
        assertFalse(relay.usage().isEmpty());
    }
}
