package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * Response and error bodies between the Anthropic Messages and the OpenAI chat completions wire
 * formats, for non-streaming calls. Stateless and thread-safe.
 *
 * <p>Arguments must not be null, except the error bodies, which may be null or empty. A success body
 * that is not a JSON object raises {@link IllegalArgumentException}; error bodies never do.
 */
public final class AnthropicResponses {

    private AnthropicResponses() {
    }

    /**
     * Anthropic message to OpenAI chat completion: text blocks joined into {@code content} (null when
     * none), {@code tool_use} blocks as {@code tool_calls}, the stop reason as {@code finish_reason}, and
     * usage whose {@code prompt_tokens} includes cache writes and reads. The id is {@code chatcmpl-} and
     * the message id; {@code created} is now.
     *
     * @param model the model to report to the client
     */
    public static byte[] toChatCompletion(byte[] anthropicResponse, String model) {
        Objects.requireNonNull(anthropicResponse, "anthropicResponse");
        Objects.requireNonNull(model, "model");
        return MessageToCompletion.translate(anthropicResponse, model);
    }

    /**
     * OpenAI chat completion (its first choice) to Anthropic message: the content as a text block, tool
     * calls as {@code tool_use} blocks (arguments that are not a JSON object become {@code {}}), the
     * finish reason as {@code stop_reason}. Cached prompt tokens are reported as
     * {@code cache_read_input_tokens} and left out of {@code input_tokens}. The id is {@code msg_} and the
     * completion id.
     *
     * @param model the model to report to the client
     */
    public static byte[] toMessage(byte[] openAiChatCompletion, String model) {
        Objects.requireNonNull(openAiChatCompletion, "openAiChatCompletion");
        Objects.requireNonNull(model, "model");
        return CompletionToMessage.translate(openAiChatCompletion, model);
    }

    /** Anthropic error body to OpenAI error body; the type is kept, {@code api_error} when unknown. */
    public static byte[] errorToOpenAi(byte[] anthropicError) {
        return ErrorBodies.toOpenAi(anthropicError);
    }

    /** OpenAI error body to Anthropic error body, its type chosen by the HTTP {@code status}. */
    public static byte[] errorToAnthropic(byte[] openAiError, int status) {
        return ErrorBodies.toAnthropic(openAiError, status);
    }

    /**
     * The usage of an Anthropic message, prompt tokens including cache writes and reads; empty when the
     * body is null, not JSON or has no {@code usage} object.
     */
    public static Optional<Usage> usage(byte[] anthropicResponse) {
        return JsonSupport.parseObject(anthropicResponse)
                .map(body -> JsonSupport.object(body, "usage"))
                .map(UsageFields::fromAnthropic);
    }
}
