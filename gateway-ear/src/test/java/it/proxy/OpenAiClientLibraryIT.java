package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.DataPlane.virtualKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import it.support.Gateway;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** LangChain4j's OpenAI client, pointed at Iris with only the base URL and the key changed. */
class OpenAiClientLibraryIT {
    private static final String BASE_URL = Gateway.BASE_URL + "/v1";

    @Test
    void chat_langchain4jClient_getsTheUpstreamAnswerAndUsage() {
        String provider = provider("openai", scriptedKey(""));
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(BASE_URL).apiKey(virtualKey())
                .modelName(provider + "/gpt-4o").build();

        ChatResponse response = model.chat(dev.langchain4j.data.message.UserMessage.from("Say hello"));

        assertEquals("Hello from mock gpt-4o", response.aiMessage().text());
        assertTrue(response.tokenUsage().inputTokenCount() > 0);
    }

    @Test
    void chatStream_langchain4jClient_assemblesTheStreamedAnswer() throws Exception {
        String provider = provider("openai", scriptedKey(""));
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(BASE_URL).apiKey(virtualKey())
                .modelName(provider + "/gpt-4o").build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse complete) {
                done.complete(complete);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        ChatResponse complete = done.get(30, TimeUnit.SECONDS);
        assertEquals("Hello from mock gpt-4o", partials.toString());
        assertEquals("Hello from mock gpt-4o", complete.aiMessage().text());
    }

    @Test
    void chat_toolCallFixture_clientSeesTheToolRequest() {
        String provider = provider("openai", scriptedKey("fixture=tool_call"));
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(BASE_URL).apiKey(virtualKey())
                .modelName(provider + "/gpt-4o").build();

        ChatResponse response = model.chat(dev.langchain4j.data.message.UserMessage.from("Weather in Paris?"));

        assertEquals("get_weather", response.aiMessage().toolExecutionRequests().get(0).name());
        assertEquals("{\"city\":\"Paris\"}", response.aiMessage().toolExecutionRequests().get(0).arguments()
                .replace(" ", ""));
    }

    @Test
    void embeddings_langchain4jClient_vectorOfTheUpstream() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(BASE_URL).apiKey(virtualKey())
                .modelName(provider + "/gpt-4o").build();

        Embedding embedding = model.embed("hello").content();

        assertTrue(embedding.dimension() > 0);
        assertEquals(1, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_wrongVirtualKey_clientRaisesAuthenticationError() {
        // A failure on purpose: from an address of its own, so it never counts against 127.0.0.1 (Gateway).
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(BASE_URL).apiKey("sk-iris-wrong").maxRetries(0)
                .customHeaders(Map.of(Gateway.FORWARDED_FOR, Gateway.freshClientAddress()))
                .modelName("gpt-4o").build();
        RuntimeException error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> model.chat("hi"));
        assertInstanceOf(AuthenticationException.class, error, error.toString());
    }
}
