package io.iris.gateway.providers;

/** The data-plane operations, with the wire format the client speaks and the CEL {@code request_type}. */
public enum Endpoint {
    CHAT("chat", WireFormat.OPENAI, "chat/completions"),
    COMPLETIONS("completion", WireFormat.OPENAI, "completions"),
    EMBEDDINGS("embedding", WireFormat.OPENAI, "embeddings"),
    MESSAGES("messages", WireFormat.ANTHROPIC, "messages");

    /** The two wire formats a client or an upstream can speak. */
    public enum WireFormat { OPENAI, ANTHROPIC }

    private final String requestType;
    private final WireFormat clientFormat;
    private final String openAiPath;

    Endpoint(String requestType, WireFormat clientFormat, String openAiPath) {
        this.requestType = requestType;
        this.clientFormat = clientFormat;
        this.openAiPath = openAiPath;
    }

    /** {@code chat}, {@code chat_stream}, {@code completion}, {@code embedding}, {@code messages}, ... */
    public String requestType(boolean stream) {
        return stream && this != EMBEDDINGS ? requestType + "_stream" : requestType;
    }

    public WireFormat clientFormat() {
        return clientFormat;
    }

    /** The path of this operation under an OpenAI-compatible base URL. */
    public String openAiPath() {
        return openAiPath;
    }
}
