package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseParser;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sample upstream streams, as the vendors document them, and a reader of Anthropic event lists. */
final class StreamSamples {

    /** Text, then a tool call, with a ping and an empty first input_json_delta, as Anthropic sends. */
    static final String ANTHROPIC = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_014p7","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":472,"cache_read_input_tokens":28,"output_tokens":2}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":", let\u2019s check."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\":"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \\"San Francisco, CA\\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    /** Text, then two tool calls, then the include_usage chunk, as OpenAI sends. */
    static final List<String> OPENAI = List.of(
            chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null),
            chunk("{\"content\":\"Hello\"}", null),
            chunk("{\"content\":\" there\"}", null),
            chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}", null),
            chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null),
            chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null),
            chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"time\",\"arguments\":\"{}\"}}]}", null),
            chunk("{}", "\"tool_calls\""),
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":12,\"total_tokens\":62,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":20}}}",
            "[DONE]");

    private StreamSamples() {
    }

    static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}],\"usage\":null}";
    }

    /** The sample Anthropic stream parsed from bytes fed in pieces of {@code piece} bytes. */
    static List<SseEvent> anthropicEvents(int piece) {
        byte[] bytes = ANTHROPIC.getBytes(StandardCharsets.UTF_8);
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += piece) {
            events.addAll(parser.feed(bytes, i, Math.min(piece, bytes.length - i)));
        }
        events.addAll(parser.finish());
        return events;
    }

    /**
     * What an Anthropic client makes of a list of events: block index to the accumulated text (text
     * blocks) or "id name partial-json" (tool_use blocks), then "stop=" the stop reason.
     */
    static List<String> accumulate(List<SseEvent> events) {
        Map<Integer, StringBuilder> blocks = new TreeMap<>();
        String stop = null;
        for (SseEvent event : events) {
            JsonObject data = Wire.json(event.data());
            switch (data.getString("type")) {
                case "content_block_start" -> {
                    JsonObject block = data.getJsonObject("content_block");
                    blocks.put(data.getInt("index"), new StringBuilder("tool_use".equals(block.getString("type"))
                            ? block.getString("id") + " " + block.getString("name") + " " : "text "));
                }
                case "content_block_delta" -> {
                    JsonObject delta = data.getJsonObject("delta");
                    blocks.get(data.getInt("index")).append(delta.containsKey("text")
                            ? delta.getString("text") : delta.getString("partial_json"));
                }
                case "message_delta" -> stop = data.getJsonObject("delta").getString("stop_reason");
                default -> {
                }
            }
        }
        List<String> out = new ArrayList<>();
        blocks.values().forEach(b -> out.add(b.toString()));
        out.add("stop=" + stop);
        return out;
    }
}
