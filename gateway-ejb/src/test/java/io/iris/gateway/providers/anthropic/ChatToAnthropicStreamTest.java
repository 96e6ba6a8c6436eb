package io.iris.gateway.providers.anthropic;

import static io.iris.gateway.providers.anthropic.StreamSamples.chunk;
import static io.iris.gateway.providers.anthropic.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.sse.SseEvent;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatToAnthropicStreamTest {

    private static List<SseEvent> translate(ChatToAnthropicStream stream, List<String> payloads) {
        List<SseEvent> events = new ArrayList<>();
        payloads.forEach(p -> events.addAll(stream.onData(p)));
        return events;
    }

    private static List<String> names(List<SseEvent> events) {
        return events.stream().map(SseEvent::event).toList();
    }

    @Test
    void onData_sampleStreamWithToolsAndUsage_anthropicEvents() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("anthropic-facing/model");
        List<SseEvent> events = translate(stream, StreamSamples.OPENAI);
        List<String> expected = List.of(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_chatcmpl-1\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"anthropic-facing/model\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_a\","
                        + "\"name\":\"weather\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                        + "\"partial_json\":\"{\\\"city\\\":\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                        + "\"partial_json\":\"\\\"Paris\\\"}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\",\"id\":\"call_b\","
                        + "\"name\":\"time\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":2}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                        + "\"usage\":{\"input_tokens\":30,\"cache_read_input_tokens\":20,\"output_tokens\":12}}",
                "{\"type\":\"message_stop\"}");
        assertEquals(expected.size(), events.size(), names(events).toString());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject data = json(events.get(i).data());
            assertEquals(json(expected.get(i)), data, "event " + i);
            assertEquals(data.getString("type"), events.get(i).event());
        }
        assertEquals(new Usage(50, 12), stream.usage());
        assertTrue(stream.completed());
        assertFalse(stream.failed());
    }

    @Test
    void onData_usageChunkBeforeDone_messageStopBeforeDoneAndDoneAddsNothing() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        List<String> upToUsage = StreamSamples.OPENAI.subList(0, StreamSamples.OPENAI.size() - 1);
        List<SseEvent> events = translate(stream, upToUsage);
        assertEquals("message_stop", events.get(events.size() - 1).event());
        assertEquals(List.of(), stream.onDone());
    }

    @Test
    void onDone_noUsageChunk_messageDeltaWithZeroUsageThenStop() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        List<SseEvent> events = translate(stream, List.of(chunk("{\"content\":\"Hi\"}", null), chunk("{}", "\"length\"")));
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_stop"),
                names(events));
        List<SseEvent> done = stream.onDone();
        assertEquals(List.of("message_delta", "message_stop"), names(done));
        assertEquals(json("""
                {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},
                 "usage":{"input_tokens":0,"output_tokens":0}}"""), json(done.get(0).data()));
        assertEquals(Usage.NONE, stream.usage());
    }

    @Test
    void onDone_streamCutWithoutFinish_closesOpenBlockWithEndTurn() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        translate(stream, List.of(chunk("{\"content\":\"Hi\"}", null)));
        List<SseEvent> done = stream.onData(" [DONE]");
        assertEquals(List.of("content_block_stop", "message_delta", "message_stop"), names(done));
        assertEquals("end_turn", json(done.get(1).data()).getJsonObject("delta").getString("stop_reason"));
    }

    @Test
    void onDone_emptyStream_completeMinimalMessage() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        assertEquals(List.of("message_start", "message_delta", "message_stop"), names(stream.onDone()));
        assertTrue(stream.completed());
    }

    @Test
    void onData_textAfterToolCall_newTextBlock() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        List<SseEvent> events = translate(stream, List.of(
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}", null),
                chunk("{\"content\":\"done\"}", "\"stop\"")));
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop"), names(events));
        assertEquals(1, json(events.get(4).data()).getInt("index"));
        assertEquals("text", json(events.get(4).data()).getJsonObject("content_block").getString("type"));
    }

    @Test
    void onData_finishAndUsageInOneChunk_finishedAtOnce() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        String last = "{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}";
        List<SseEvent> events = translate(stream, List.of(last));
        assertEquals(List.of("message_start", "message_delta", "message_stop"), names(events));
        assertEquals(List.of(), stream.onData("[DONE]"));
        assertEquals(new Usage(3, 4), stream.usage());
    }

    @Test
    void onData_errorPayload_errorEventThenNothing() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        translate(stream, List.of(chunk("{\"content\":\"Hi\"}", null)));
        List<SseEvent> events = stream.onData("{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
        assertEquals(List.of(new SseEvent("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"upstream exploded\"}}")), events);
        assertTrue(stream.failed());
        assertEquals("upstream exploded", stream.errorMessage());
        assertEquals(List.of(), stream.onData(chunk("{\"content\":\"more\"}", null)));
        assertEquals(List.of(), stream.onDone());
        assertFalse(stream.completed());
    }

    @Test
    void onData_nonJsonPayload_ignored() {
        ChatToAnthropicStream stream = new ChatToAnthropicStream("m");
        assertEquals(List.of(), stream.onData(": keep-alive"));
        assertEquals(List.of(), stream.onData("[1,2]"));
    }

    @Test
    void chain_anthropicStreamThroughOpenAiChunksAndBack_sameBlocksAndStopReason() {
        List<SseEvent> original = StreamSamples.anthropicEvents(64);
        AnthropicToChatStream toChat = new AnthropicToChatStream("m", true);
        ChatToAnthropicStream back = new ChatToAnthropicStream("m");
        List<SseEvent> translated = new ArrayList<>();
        for (SseEvent event : original) {
            toChat.onEvent(event).forEach(chunk -> translated.addAll(back.onData(chunk)));
        }
        translated.addAll(back.onDone());
        assertEquals(List.of("text Okay, let\u2019s check.",
                "toolu_01T1 get_weather {\"location\": \"San Francisco, CA\"}", "stop=tool_use"),
                StreamSamples.accumulate(translated));
        assertEquals(StreamSamples.accumulate(original), StreamSamples.accumulate(translated));
        assertEquals(toChat.usage(), back.usage());
        assertTrue(back.completed());
    }
}
