package io.iris.gateway.providers;

/**
 * Tokens one upstream call consumed, in OpenAI terms: {@code promptTokens} counts every input token
 * (for Anthropic including cache writes and cache reads), {@code completionTokens} every output token.
 * Immutable and thread-safe; never holds negative counts.
 */
public record Usage(long promptTokens, long completionTokens) {

    /** No tokens: what a call that reported nothing is accounted as. */
    public static final Usage NONE = new Usage(0, 0);

    /**
     * @throws IllegalArgumentException when a count is negative
     */
    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** Prompt plus completion tokens. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
