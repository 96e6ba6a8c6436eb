package io.iris.gateway.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageJsonTest {
    static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"usage\\": 99}"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46},"system_fingerprint":null}
            """;

    @Test
    void openAi_chatCompletion_promptAndCompletionTokens() {
        assertEquals(Optional.of(new Usage(12, 34)), UsageJson.openAi(bytes(COMPLETION)));
    }

    @Test
    void openAi_noUsageMember_empty() {
        assertEquals(Optional.empty(), UsageJson.openAi(bytes("{\"id\":\"x\",\"choices\":[]}")));
    }

    @Test
    void openAi_usageNotAnObject_empty() {
        assertEquals(Optional.empty(), UsageJson.openAi(bytes("{\"usage\":null}")));
        assertEquals(Optional.empty(), UsageJson.openAi(bytes("{\"usage\":[1,2]}")));
    }

    @Test
    void openAi_notJson_empty() {
        assertEquals(Optional.empty(), UsageJson.openAi(bytes("upstream error page")));
        assertEquals(Optional.empty(), UsageJson.openAi(bytes("[{\"usage\":{\"prompt_tokens\":1}}]")));
    }

    @Test
    void openAi_byteOrderMarkTheScannerRefuses_stillRead() {
        assertEquals(Optional.of(new Usage(12, 34)), UsageJson.openAi(bytes("\uFEFF" + COMPLETION)));
    }

    @Test
    void openAi_tokenCountMissing_zero() {
        assertEquals(Optional.of(new Usage(5, 0)), UsageJson.openAi(bytes("{\"usage\":{\"prompt_tokens\":5}}")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
