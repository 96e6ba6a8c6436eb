package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.Usage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Token usage objects of both vendors. Anthropic counts cache writes and reads apart from
 * {@code input_tokens}; OpenAI's {@code prompt_tokens} holds every input token and names the cached
 * ones in {@code prompt_tokens_details.cached_tokens}. Stateless and thread-safe; null objects count 0.
 */
final class UsageFields {

    private UsageFields() {
    }

    /** Every input token of an Anthropic usage object: plain input plus cache writes and reads. */
    static long anthropicPromptTokens(JsonObject usage) {
        return JsonSupport.count(usage, "input_tokens") + JsonSupport.count(usage, "cache_creation_input_tokens")
                + JsonSupport.count(usage, "cache_read_input_tokens");
    }

    static Usage fromAnthropic(JsonObject usage) {
        return new Usage(anthropicPromptTokens(usage), JsonSupport.count(usage, "output_tokens"));
    }

    static Usage fromOpenAi(JsonObject usage) {
        return new Usage(JsonSupport.count(usage, "prompt_tokens"), JsonSupport.count(usage, "completion_tokens"));
    }

    /** OpenAI prompt tokens served from cache. */
    static long openAiCachedTokens(JsonObject usage) {
        return JsonSupport.count(JsonSupport.object(usage, "prompt_tokens_details"), "cached_tokens");
    }

    /** An OpenAI usage object; {@code cachedTokens} above 0 adds {@code prompt_tokens_details}. */
    static JsonObject toOpenAi(Usage usage, long cachedTokens) {
        JsonObjectBuilder out = JsonSupport.object().add("prompt_tokens", usage.promptTokens())
                .add("completion_tokens", usage.completionTokens()).add("total_tokens", usage.totalTokens());
        if (cachedTokens > 0) {
            out.add("prompt_tokens_details", JsonSupport.object().add("cached_tokens", cachedTokens));
        }
        return out.build();
    }

    /**
     * An Anthropic usage object for OpenAI counts: cached prompt tokens are reported as cache reads and
     * left out of {@code input_tokens}, the way Anthropic counts them.
     */
    static JsonObject toAnthropic(Usage usage, long cachedTokens) {
        long cached = Math.min(cachedTokens, usage.promptTokens());
        JsonObjectBuilder out = JsonSupport.object().add("input_tokens", usage.promptTokens() - cached);
        if (cached > 0) {
            out.add("cache_read_input_tokens", cached);
        }
        return out.add("output_tokens", usage.completionTokens()).build();
    }
}
