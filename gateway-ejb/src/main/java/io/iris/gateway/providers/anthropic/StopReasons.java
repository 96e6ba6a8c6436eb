package io.iris.gateway.providers.anthropic;

/**
 * Maps Anthropic {@code stop_reason} and OpenAI {@code finish_reason} values onto each other.
 * Stateless and thread-safe; a null or unknown value maps to the normal end of a turn.
 */
final class StopReasons {

    private StopReasons() {
    }

    /** Anthropic stop reason to OpenAI finish reason; never null. */
    static String toFinishReason(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** OpenAI finish reason to Anthropic stop reason; never null. */
    static String toStopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }
}
