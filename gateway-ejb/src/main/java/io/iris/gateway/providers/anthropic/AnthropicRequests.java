package io.iris.gateway.providers.anthropic;

import java.util.Objects;

/**
 * Request bodies between the OpenAI chat completions and the Anthropic Messages wire formats. Both
 * directions parse the whole body and write a new one: fields the target vendor does not know are
 * dropped. Stateless and thread-safe.
 *
 * <p>Arguments must not be null. A body that cannot be translated (not a JSON object, no
 * {@code messages} array, an unknown role, a content part the target cannot take, a tool call without
 * id ...) raises {@link IllegalArgumentException} whose message is fit for a 400 response.
 */
public final class AnthropicRequests {

    /** {@code max_tokens} sent to Anthropic, which requires it, when the OpenAI request sets no limit. */
    public static final int DEFAULT_MAX_TOKENS = ChatToMessagesRequest.DEFAULT_MAX_TOKENS;

    private AnthropicRequests() {
    }

    /**
     * OpenAI chat request to Anthropic Messages request. System and developer messages become the
     * top-level {@code system} (joined with a blank line); tool messages become {@code tool_result}
     * blocks of a user turn; consecutive turns of one role are merged, since Anthropic wants them to
     * alternate; {@code max_completion_tokens}, else {@code max_tokens}, else
     * {@link #DEFAULT_MAX_TOKENS} gives {@code max_tokens}.
     *
     * @param openAiChatBody the client's request body, UTF-8 JSON
     * @param upstreamModel the model to name upstream
     * @return the Anthropic body, UTF-8 JSON
     */
    public static byte[] fromChat(byte[] openAiChatBody, String upstreamModel) {
        Objects.requireNonNull(openAiChatBody, "openAiChatBody");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        return ChatToMessagesRequest.translate(openAiChatBody, upstreamModel);
    }

    /**
     * Anthropic Messages request to OpenAI chat request, for Anthropic clients served by an
     * OpenAI-compatible provider. {@code system} becomes the first message; {@code tool_result} blocks
     * become tool messages placed before the rest of their user turn; a streaming request also asks for
     * {@code stream_options.include_usage}, so that usage arrives.
     *
     * @param anthropicMessagesBody the client's request body, UTF-8 JSON
     * @param upstreamModel the model to name upstream
     * @return the OpenAI body, UTF-8 JSON
     */
    public static byte[] toChat(byte[] anthropicMessagesBody, String upstreamModel) {
        Objects.requireNonNull(anthropicMessagesBody, "anthropicMessagesBody");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        return MessagesToChatRequest.translate(anthropicMessagesBody, upstreamModel);
    }
}
