package io.iris.gateway.proxy;

import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.providers.anthropic.AnthropicAdapter;
import io.iris.gateway.providers.anthropic.AnthropicRequests;
import io.iris.gateway.providers.anthropic.ChatToMessagesCodec;
import io.iris.gateway.providers.azure.AzureAdapter;
import io.iris.gateway.providers.openai.OpenAiAdapter;
import java.util.Map;

/** The adapters Iris ships, wired together: Azure composes OpenAI, which uses the Anthropic translations. */
final class StandardAdapters {
    private StandardAdapters() {
    }

    static ProviderAdapters create() {
        OpenAiAdapter openAi = new OpenAiAdapter(AnthropicRequests::toChat, ChatToMessagesCodec::new);
        return new ProviderAdapters(Map.of(
                ProviderType.OPENAI, openAi,
                ProviderType.AZURE, new AzureAdapter(openAi),
                ProviderType.ANTHROPIC, new AnthropicAdapter()));
    }
}
