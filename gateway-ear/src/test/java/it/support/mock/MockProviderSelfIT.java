package it.support.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mock provider on its own: wire formats, SSE framing, directives and recording. Needs no gateway. */
class MockProviderSelfIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static MockProvider mock;

    @BeforeAll
    static void startMock() {
        mock = MockProvider.start();
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    // ---- OpenAI chat --------------------------------------------------------------------------------------

    @Test
    void chat_plainRequest_answersHelloWithRequestModelAndUsage() throws Exception {
        // 40 characters of message content: 10 prompt tokens
        HttpResponse<String> response = openAi("/v1/chat/completions", key("plain"), chat("gpt-4o",
                "0123456789012345678901234567890123456789"));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("x-request-id").isPresent());
        JsonObject body = json(response.body());
        assertTrue(body.getString("id").startsWith("chatcmpl-"));
        assertEquals("chat.completion", body.getString("object"));
        assertEquals("gpt-4o", body.getString("model"));
        JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
        assertEquals(0, choice.getInt("index"));
        assertEquals("stop", choice.getString("finish_reason"));
        assertEquals("assistant", choice.getJsonObject("message").getString("role"));
        assertEquals("Hello from mock gpt-4o", choice.getJsonObject("message").getString("content"));
        assertUsage(body.getJsonObject("usage"), 10, 4);
    }

    @Test
    void chat_twoResponses_haveDistinctIds() throws Exception {
        String first = json(openAi("/v1/chat/completions", key("ids"), chat("m", "hi")).body()).getString("id");
        String second = json(openAi("/v1/chat/completions", key("ids"), chat("m", "hi")).body()).getString("id");

        assertNotEquals(first, second);
    }

    @Test
    void chat_noApiKey_answers401InOpenAiShape() throws Exception {
        HttpResponse<String> response = send(request("/v1/chat/completions").POST(body(chat("m", "hi"))).build());

        assertEquals(401, response.statusCode());
        assertOpenAiError(response.body(), "invalid_request_error");
    }

    @Test
    void chat_missingMessages_answers400() throws Exception {
        HttpResponse<String> response = openAi("/v1/chat/completions", key("nomsg"),
                Jsonp.object().add("model", "m").build().toString());

        assertEquals(400, response.statusCode());
        assertOpenAiError(response.body(), "invalid_request_error");
    }

    @Test
    void chatStream_plainRequest_sendsDataFramesEndingWithDone() throws Exception {
        HttpResponse<String> response = openAi("/v1/chat/completions", key("stream"), chatStream("gpt-4o", false));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<String> data = openAiFrames(response.body());
        assertEquals("[DONE]", data.get(data.size() - 1));
        List<JsonObject> chunks = chunks(data);
        assertEquals("assistant", chunks.get(0).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("role"));
        StringBuilder text = new StringBuilder();
        for (JsonObject chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.getString("object"));
            assertEquals("gpt-4o", chunk.getString("model"));
            assertEquals(chunks.get(0).getString("id"), chunk.getString("id"));
            assertFalse(chunk.containsKey("usage"));
            text.append(chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content", ""));
        }
        assertEquals("Hello from mock gpt-4o", text.toString());
        assertTrue(chunks.size() >= 4, "a few small deltas");
        JsonObject last = chunks.get(chunks.size() - 1).getJsonArray("choices").getJsonObject(0);
        assertEquals("stop", last.getString("finish_reason"));
    }

    @Test
    void chatStream_includeUsage_endsWithUsageChunkWithoutChoices() throws Exception {
        List<JsonObject> chunks = chunks(openAiFrames(
                openAi("/v1/chat/completions", key("usage"), chatStream("gpt-4o", true)).body()));

        JsonObject last = chunks.get(chunks.size() - 1);
        assertEquals(0, last.getJsonArray("choices").size());
        assertUsage(last.getJsonObject("usage"), 1, 4);
        assertTrue(chunks.get(0).isNull("usage"), "earlier chunks carry usage: null");
    }

    // ---- OpenAI completions, embeddings, models -----------------------------------------------------------

    @Test
    void completions_plainRequest_answersTextCompletion() throws Exception {
        HttpResponse<String> response = openAi("/v1/completions", key("cmpl"), Jsonp.object()
                .add("model", "gpt-3.5-turbo-instruct").add("prompt", "12345678").build().toString());

        JsonObject body = json(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("text_completion", body.getString("object"));
        assertTrue(body.getString("id").startsWith("cmpl-"));
        JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
        assertEquals("Hello from mock gpt-3.5-turbo-instruct", choice.getString("text"));
        assertEquals("stop", choice.getString("finish_reason"));
        assertUsage(body.getJsonObject("usage"), 2, 4);
    }

    @Test
    void completionsStream_plainRequest_streamsTextThenDone() throws Exception {
        List<String> data = openAiFrames(openAi("/v1/completions", key("cmpls"), Jsonp.object()
                .add("model", "m").add("prompt", "x").add("stream", true).build().toString()).body());

        assertEquals("[DONE]", data.get(data.size() - 1));
        String text = chunks(data).stream().peek(c -> assertEquals("text_completion", c.getString("object")))
                .map(c -> c.getJsonArray("choices").getJsonObject(0).getString("text")).collect(Collectors.joining());
        assertEquals("Hello from mock m", text);
    }

    @Test
    void embeddings_stringInput_returnsOneEmbeddingWithUsage() throws Exception {
        HttpResponse<String> response = openAi("/v1/embeddings", key("emb"), Jsonp.object()
                .add("model", "text-embedding-3-small").add("input", "abcdefgh").build().toString());

        JsonObject body = json(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("list", body.getString("object"));
        assertEquals("text-embedding-3-small", body.getString("model"));
        JsonObject item = body.getJsonArray("data").getJsonObject(0);
        assertEquals("embedding", item.getString("object"));
        assertEquals(0, item.getInt("index"));
        assertEquals(EmbeddingWire.DEFAULT_DIMENSIONS, item.getJsonArray("embedding").size());
        assertEquals(2, body.getJsonObject("usage").getInt("prompt_tokens"));
        assertEquals(2, body.getJsonObject("usage").getInt("total_tokens"));
    }

    @Test
    void embeddings_arrayInputWithDimensions_returnsOneVectorPerInputInOrder() throws Exception {
        JsonObject body = json(openAi("/v1/embeddings", key("emba"), Jsonp.object().add("model", "e")
                .add("input", Jsonp.array().add("one").add("two").add("one")).add("dimensions", 3)
                .build().toString()).body());

        JsonArray data = body.getJsonArray("data");
        assertEquals(3, data.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, data.getJsonObject(i).getInt("index"));
            assertEquals(3, data.getJsonObject(i).getJsonArray("embedding").size());
        }
        assertEquals(data.getJsonObject(0).get("embedding"), data.getJsonObject(2).get("embedding"));
        assertNotEquals(data.getJsonObject(0).get("embedding"), data.getJsonObject(1).get("embedding"));
    }

    @Test
    void embeddings_base64Format_returnsLittleEndianFloat32() throws Exception {
        JsonObject body = json(openAi("/v1/embeddings", key("emb64"), Jsonp.object().add("model", "e")
                .add("input", "abc").add("encoding_format", "base64").build().toString()).body());

        byte[] raw = Base64.getDecoder().decode(body.getJsonArray("data").getJsonObject(0).getString("embedding"));
        assertEquals(EmbeddingWire.DEFAULT_DIMENSIONS * 4, raw.length);
        ByteBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double norm = 0;
        while (floats.hasRemaining()) {
            float value = floats.getFloat();
            norm += value * value;
        }
        assertEquals(1.0, norm, 1e-4, "vectors are unit length");
    }

    @Test
    void models_get_listsModelObjects() throws Exception {
        HttpResponse<String> response = send(request("/v1/models").header("Authorization", "Bearer " + key("models"))
                .GET().build());

        JsonObject body = json(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("list", body.getString("object"));
        JsonObject first = body.getJsonArray("data").getJsonObject(0);
        assertEquals("model", first.getString("object"));
        assertEquals("gpt-4o", first.getString("id"));
    }

    // ---- Azure ---------------------------------------------------------------------------------------------

    @Test
    void azureChat_withApiVersionAndApiKey_answersAndRecordsDeployment() throws Exception {
        String key = key("azure");
        String path = "/openai/deployments/gpt4o-eu/chat/completions?api-version=2024-10-21";
        String noModel = Jsonp.object().add("messages", Jsonp.array().add(message("user", "hi"))).build().toString();
        HttpResponse<String> response = send(request(path).header("api-key", key).POST(body(noModel)).build());

        assertEquals(200, response.statusCode());
        assertEquals("Hello from mock gpt4o-eu", json(response.body()).getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content"));
        RecordedRequest record = only(key);
        assertEquals("gpt4o-eu", record.deployment().orElseThrow());
        assertEquals("2024-10-21", record.queryParam("api-version").orElseThrow());
        assertEquals("api-version=2024-10-21", record.query());
    }

    @Test
    void azureCompletionsAndEmbeddings_withApiVersion_answerInOpenAiFormat() throws Exception {
        HttpResponse<String> completion = azure("/openai/deployments/instruct/completions?api-version=1",
                key("azc"), Jsonp.object().add("prompt", "hello").build().toString());
        HttpResponse<String> embedding = azure("/openai/deployments/emb/embeddings?api-version=1", key("aze"),
                Jsonp.object().add("input", "hello").build().toString());

        assertEquals("text_completion", json(completion.body()).getString("object"));
        assertEquals("instruct", json(completion.body()).getString("model"));
        assertEquals("emb", json(embedding.body()).getString("model"));
        assertEquals(1, json(embedding.body()).getJsonArray("data").size());
    }

    @Test
    void azureChat_missingApiVersion_answers400() throws Exception {
        HttpResponse<String> response = azure("/openai/deployments/d/chat/completions", key("azv"), chat("m", "hi"));

        assertEquals(400, response.statusCode());
        assertOpenAiError(response.body(), "invalid_request_error");
    }

    @Test
    void azureChat_bearerInsteadOfApiKey_answers401() throws Exception {
        HttpResponse<String> response = openAi("/openai/deployments/d/chat/completions?api-version=1", key("azk"),
                chat("m", "hi"));

        assertEquals(401, response.statusCode());
    }

    // ---- Anthropic -----------------------------------------------------------------------------------------

    @Test
    void messages_plainRequest_answersMessageObject() throws Exception {
        HttpResponse<String> response = anthropic(key("msg"), messages("claude-sonnet-4", false).build());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("request-id").isPresent());
        JsonObject body = json(response.body());
        assertTrue(body.getString("id").startsWith("msg_"));
        assertEquals("message", body.getString("type"));
        assertEquals("assistant", body.getString("role"));
        assertEquals("claude-sonnet-4", body.getString("model"));
        JsonObject block = body.getJsonArray("content").getJsonObject(0);
        assertEquals("text", block.getString("type"));
        assertEquals("Hello from mock claude-sonnet-4", block.getString("text"));
        assertEquals("end_turn", body.getString("stop_reason"));
        assertTrue(body.isNull("stop_sequence"));
        // system "You are terse." (14) + "Say hello to the mock." (22) = 36 characters: 9 tokens
        assertEquals(9, body.getJsonObject("usage").getInt("input_tokens"));
        assertEquals(4, body.getJsonObject("usage").getInt("output_tokens"));
    }

    @Test
    void messagesStream_plainRequest_sendsNamedEventsInOrder() throws Exception {
        HttpResponse<String> response = anthropic(key("msgs"), messages("claude-x", true).build());

        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<String[]> events = anthropicFrames(response.body());
        List<String> names = events.stream().map(e -> e[0]).collect(Collectors.toList());
        assertEquals(List.of("message_start", "content_block_start", "ping"), names.subList(0, 3));
        assertEquals(List.of("content_block_stop", "message_delta", "message_stop"),
                names.subList(names.size() - 3, names.size()));
        StringBuilder text = new StringBuilder();
        for (String[] event : events) {
            JsonObject data = json(event[1]);
            assertEquals(event[0], data.getString("type"), "event name and data type agree");
            if (event[0].equals("content_block_delta")) {
                assertEquals("text_delta", data.getJsonObject("delta").getString("type"));
                text.append(data.getJsonObject("delta").getString("text"));
            }
        }
        assertEquals("Hello from mock claude-x", text.toString());
        JsonObject start = json(events.get(0)[1]).getJsonObject("message");
        assertEquals("claude-x", start.getString("model"));
        assertEquals(9, start.getJsonObject("usage").getInt("input_tokens"));
        JsonObject delta = json(events.get(events.size() - 2)[1]);
        assertEquals("end_turn", delta.getJsonObject("delta").getString("stop_reason"));
        assertEquals(4, delta.getJsonObject("usage").getInt("output_tokens"));
    }

    @Test
    void messages_noApiKey_answers401InAnthropicShape() throws Exception {
        HttpResponse<String> response = send(request("/v1/messages").header("anthropic-version", "2023-06-01")
                .POST(body(messages("c", false).build().toString())).build());

        assertEquals(401, response.statusCode());
        assertAnthropicError(response.body(), "authentication_error");
    }

    @Test
    void messages_noVersionHeader_answers400InAnthropicShape() throws Exception {
        HttpResponse<String> response = send(request("/v1/messages").header("x-api-key", key("nover"))
                .POST(body(messages("c", false).build().toString())).build());

        assertEquals(400, response.statusCode());
        assertAnthropicError(response.body(), "invalid_request_error");
    }

    @Test
    void messages_noMaxTokens_answers400() throws Exception {
        HttpResponse<String> response = anthropic(key("nomax"), messages("c", false).remove("max_tokens").build());

        assertEquals(400, response.statusCode());
        assertAnthropicError(response.body(), "invalid_request_error");
    }

    // ---- directives ----------------------------------------------------------------------------------------

    @Test
    void chat_statusDirectiveInKeyWithRetryAfter_answersOpenAiErrorAndHeader() throws Exception {
        HttpResponse<String> response = openAi("/v1/chat/completions", "mock;status=429;retry_after=2",
                chat("m", "hi"));

        assertEquals(429, response.statusCode());
        assertEquals("2", response.headers().firstValue("retry-after").orElseThrow());
        JsonObject error = assertOpenAiError(response.body(), "requests");
        assertEquals("rate_limit_exceeded", error.getString("code"));
    }

    @Test
    void messages_statusDirectiveInBody_answersAnthropicErrorShape() throws Exception {
        HttpResponse<String> response = anthropic(key("status"), messages("c", false)
                .add("mock", Jsonp.object().add("status", 529)).build());

        assertEquals(529, response.statusCode());
        assertAnthropicError(response.body(), "overloaded_error");
    }

    @Test
    void chat_bodyDirective_overridesKeyDirective() throws Exception {
        String body = Jsonp.object(json(chat("m", "hi")))
                .add("mock", Jsonp.object().add("status", "502")).build().toString();

        assertEquals(502, openAi("/v1/chat/completions", "mock;status=503", body).statusCode());
    }

    @Test
    void chat_failTimes_failsFirstRequestsOfThatKeyThenSucceeds() throws Exception {
        String key = "mock;status=503;fail_times=2;tag=" + UUID.randomUUID();
        String other = "mock;status=503;fail_times=2;tag=" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(openAi("/v1/chat/completions", key, chat("m", "hi")).statusCode());
        }

        assertEquals(List.of(503, 503, 200), statuses);
        assertEquals(503, openAi("/v1/chat/completions", other, chat("m", "hi")).statusCode(), "counted per key");
        assertEquals(List.of(503, 503, 200), statuses(key));
    }

    @Test
    void chat_delayDirective_waitsBeforeAnswering() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = openAi("/v1/chat/completions", "mock;delay_ms=300", chat("m", "hi"));

        assertEquals(200, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void chatStream_chunkDelay_spacesEvents() throws Exception {
        long start = System.nanoTime();
        List<String> data = openAiFrames(openAi("/v1/chat/completions", "mock;chunk_delay_ms=40",
                chatStream("m", false)).body());

        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(elapsed >= 40L * (data.size() - 1), "took " + elapsed + " ms for " + data.size() + " events");
    }

    @Test
    void chatStream_complete_endsChunkedBodyWithTerminatingChunk() throws Exception {
        Wire wire = Wire.post("/v1/chat/completions", "Authorization: Bearer " + key("wire"), chatStream("m", false));

        assertEquals(200, wire.status);
        assertTrue(wire.terminated, "a complete stream ends its chunked body properly");
        assertEquals("[DONE]", openAiFrames(wire.body).get(openAiFrames(wire.body).size() - 1));
    }

    @Test
    void chatStream_stallAfter_sendsThatManyEventsThenNothingUntilStallEnds() throws Exception {
        long start = System.nanoTime();
        Wire wire = Wire.post("/v1/chat/completions", "Authorization: Bearer mock;stall_after=2;stall_ms=400",
                chatStream("m", false));

        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(2, openAiFrames(wire.body).size());
        assertTrue(elapsed >= 400, "stalled " + elapsed + " ms");
        assertFalse(wire.terminated, "the stall ends with a broken connection, not a clean end");
    }

    @Test
    void chatStream_dropAfter_closesConnectionWithoutDone() throws Exception {
        Wire wire = Wire.post("/v1/chat/completions", "Authorization: Bearer mock;drop_after=3",
                chatStream("m", false));

        List<String> data = openAiFrames(wire.body);
        assertEquals(3, data.size());
        assertFalse(data.contains("[DONE]"));
        assertFalse(wire.terminated, "the chunked body is cut, not ended");
    }

    @Test
    void chatStream_dropAfter_isAnIoErrorForHttpClients() throws Exception {
        HttpResponse<InputStream> response = openAiStream("mock;drop_after=3");

        assertThrows(IOException.class, () -> response.body().readAllBytes());
    }

    @Test
    void messagesStream_dropAfter_closesConnectionBeforeMessageStop() throws Exception {
        Wire wire = Wire.post("/v1/messages", "x-api-key: mock;drop_after=4\r\nanthropic-version: 2023-06-01",
                messages("c", true).build().toString());

        assertEquals(4, anthropicFrames(wire.body).size());
        assertFalse(wire.terminated);
    }

    @Test
    void chatStream_errorAfter_sendsThatManyEventsThenAnErrorEventQuotingTheKeyAndEndsCleanly() throws Exception {
        Wire wire = Wire.post("/v1/chat/completions", "Authorization: Bearer mock;error_after=2",
                chatStream("m", false));

        List<String> data = openAiFrames(wire.body);
        assertEquals(3, data.size());
        JsonObject error = json(data.get(2)).getJsonObject("error");
        assertEquals("server_error", error.getString("type"));
        assertTrue(error.getString("message").contains("mock;error_after=2"), error.toString());
        assertTrue(error.getString("message").contains(SseStream.LEAKED_SECRET), error.toString());
        assertFalse(data.contains("[DONE]"));
        assertTrue(wire.terminated, "the body ends cleanly after the error event");
    }

    @Test
    void messagesStream_errorAfter_sendsAnAnthropicErrorEvent() throws Exception {
        Wire wire = Wire.post("/v1/messages", "x-api-key: mock;error_after=1\r\nanthropic-version: 2023-06-01",
                messages("c", true).build().toString());

        List<String[]> events = anthropicFrames(wire.body);
        assertEquals(2, events.size());
        assertEquals("error", events.get(1)[0]);
        JsonObject error = json(events.get(1)[1]).getJsonObject("error");
        assertEquals("overloaded_error", error.getString("type"));
        assertTrue(error.getString("message").contains(SseStream.LEAKED_SECRET));
        assertTrue(wire.terminated);
    }

    @Test
    void chat_dropAfterZero_closesConnectionWithoutResponse() {
        assertThrows(IOException.class, () -> openAi("/v1/chat/completions", "mock;drop_after=0", chat("m", "hi")));
    }

    @Test
    void chatStream_clientDisconnects_isRecorded() throws Exception {
        String key = "mock;fixture=long;chunk_delay_ms=10;tag=" + UUID.randomUUID();
        HttpResponse<InputStream> response = openAiStream(key);
        assertTrue(response.body().read(new byte[64]) > 0);
        response.body().close();

        RecordedRequest record = only(key);
        assertTrue(record.awaitClientDisconnected(Duration.ofSeconds(5)));
        assertTrue(record.awaitFinished(Duration.ofSeconds(5)));
    }

    @Test
    void chat_toolCallFixture_returnsOneFunctionCall() throws Exception {
        JsonObject choice = json(openAi("/v1/chat/completions", "mock;fixture=tool_call", chat("m", "weather?"))
                .body()).getJsonArray("choices").getJsonObject(0);

        assertEquals("tool_calls", choice.getString("finish_reason"));
        JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("call_1", call.getString("id"));
        assertEquals("function", call.getString("type"));
        assertEquals("get_weather", call.getJsonObject("function").getString("name"));
        assertEquals("{\"city\":\"Paris\"}", call.getJsonObject("function").getString("arguments"));
        assertTrue(choice.getJsonObject("message").isNull("content"));
    }

    @Test
    void chatStream_toolCallFixture_streamsArgumentsInFragments() throws Exception {
        List<JsonObject> chunks = chunks(openAiFrames(openAiStreamBody("mock;fixture=tool_call")));

        JsonObject first = chunks.get(0).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("call_1", first.getString("id"));
        assertEquals("get_weather", first.getJsonObject("function").getString("name"));
        StringBuilder arguments = new StringBuilder();
        for (JsonObject chunk : chunks) {
            JsonObject delta = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
            if (delta.containsKey("tool_calls")) {
                arguments.append(delta.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function")
                        .getString("arguments"));
            }
        }
        assertEquals("{\"city\":\"Paris\"}", arguments.toString());
        assertEquals("tool_calls", chunks.get(chunks.size() - 1).getJsonArray("choices").getJsonObject(0)
                .getString("finish_reason"));
    }

    @Test
    void messages_toolCallFixture_returnsToolUseBlock() throws Exception {
        JsonObject body = json(anthropic("mock;fixture=tool_call", messages("c", false).build()).body());

        JsonObject block = body.getJsonArray("content").getJsonObject(0);
        assertEquals("tool_use", block.getString("type"));
        assertEquals("toolu_1", block.getString("id"));
        assertEquals("get_weather", block.getString("name"));
        assertEquals("Paris", block.getJsonObject("input").getString("city"));
        assertEquals("tool_use", body.getString("stop_reason"));
    }

    @Test
    void messagesStream_toolCallFixture_streamsInputJsonDeltas() throws Exception {
        List<String[]> events = anthropicFrames(anthropic("mock;fixture=tool_call", messages("c", true).build())
                .body());

        JsonObject start = json(events.get(1)[1]).getJsonObject("content_block");
        assertEquals("tool_use", start.getString("type"));
        assertEquals("toolu_1", start.getString("id"));
        String partial = events.stream().filter(e -> e[0].equals("content_block_delta"))
                .map(e -> json(e[1]).getJsonObject("delta"))
                .peek(d -> assertEquals("input_json_delta", d.getString("type")))
                .map(d -> d.getString("partial_json")).collect(Collectors.joining());
        assertEquals("Paris", json(partial).getString("city"));
        assertEquals("tool_use", json(events.get(events.size() - 2)[1]).getJsonObject("delta")
                .getString("stop_reason"));
    }

    @Test
    void chat_longFixture_returns2000Words() throws Exception {
        JsonObject body = json(openAi("/v1/chat/completions", "mock;fixture=long", chat("m", "hi")).body());

        String text = body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
        assertEquals(2000, text.split("\\s+").length);
        assertTrue(text.startsWith("Hello from mock m"));
        assertEquals(2000, body.getJsonObject("usage").getInt("completion_tokens"));
    }

    @Test
    void chatAndMessages_emptyFixture_returnEmptyContent() throws Exception {
        JsonObject chat = json(openAi("/v1/chat/completions", "mock;fixture=empty", chat("m", "hi")).body());
        JsonObject message = json(anthropic("mock;fixture=empty", messages("c", false).build()).body());

        assertEquals("", chat.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
        assertEquals(0, chat.getJsonObject("usage").getInt("completion_tokens"));
        assertEquals("", message.getJsonArray("content").getJsonObject(0).getString("text"));
        assertEquals(0, message.getJsonObject("usage").getInt("output_tokens"));
    }

    @Test
    void chat_echoDirective_repliesWithTheRawRequestBody() throws Exception {
        String sent = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"extra\":{\"a\":1},"
                + "\"mock\":{\"echo\":true}}";

        JsonObject body = json(openAi("/v1/chat/completions", key("echo"), sent).body());

        assertEquals(sent, body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
    }

    @Test
    void chat_unknownDirective_answers400() throws Exception {
        HttpResponse<String> response = openAi("/v1/chat/completions", "mock;stauts=500", chat("m", "hi"));

        assertEquals(400, response.statusCode());
        assertOpenAiError(response.body(), "mock_directive_error");
    }

    // ---- recording -----------------------------------------------------------------------------------------

    @Test
    void record_anyRequest_keepsMethodPathQueryHeadersBodyAndKey() throws Exception {
        String key = key("rec");
        String sent = chat("gpt-4o", "hi");
        send(request("/openai/deployments/dep/chat/completions?api-version=v1&x=y").header("api-key", key)
                .header("X-Custom-Header", "Value").POST(body(sent)).build());

        RecordedRequest record = only(key);
        assertEquals("POST", record.method());
        assertEquals("/openai/deployments/dep/chat/completions", record.path());
        assertEquals("api-version=v1&x=y", record.query());
        assertEquals("Value", record.headers().get("x-custom-header"));
        assertEquals("Value", record.header("X-CUSTOM-HEADER").orElseThrow());
        assertEquals(sent, record.body());
        assertEquals(sent, new String(record.bodyBytes(), StandardCharsets.UTF_8));
        assertEquals("gpt-4o", record.json().getString("model"));
        assertEquals(key, record.apiKey().orElseThrow());
        assertEquals(200, record.responseStatus());
        assertFalse(record.clientDisconnected());
        assertTrue(record.receivedAt().isAfter(java.time.Instant.now().minusSeconds(60)));
    }

    @Test
    void record_nonJsonBody_isKeptAndAnswered400() throws Exception {
        String key = key("nonjson");
        HttpResponse<String> response = openAi("/v1/chat/completions", key, "not json");

        assertEquals(400, response.statusCode());
        RecordedRequest record = only(key);
        assertFalse(record.isJson());
        assertEquals("not json", record.body());
        assertThrows(IllegalStateException.class, record::json);
    }

    @Test
    void reset_afterRequests_clearsRecordsAndFailCounters() throws Exception {
        try (MockProvider own = MockProvider.start()) {
            HttpRequest failing = HttpRequest.newBuilder(URI.create(own.openAiBaseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer mock;status=500;fail_times=1").POST(body(chat("m", "hi")))
                    .build();
            assertEquals(500, send(failing).statusCode());
            assertEquals(1, own.count());
            assertTrue(own.last().isPresent());

            own.reset();

            assertEquals(0, own.count());
            assertTrue(own.last().isEmpty());
            assertEquals(500, send(failing).statusCode(), "the fail_times counter starts again");
        }
    }

    @Test
    void handle_concurrentDelayedRequests_areServedInParallel() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            inFlight.add(HTTP.sendAsync(request("/v1/chat/completions")
                    .header("Authorization", "Bearer mock;delay_ms=300").POST(body(chat("m", "hi"))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : inFlight) {
            assertEquals(200, response.get().statusCode());
        }

        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(elapsed < 2_000, "32 requests of 300 ms took " + elapsed + " ms");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** One request over a raw socket, to see exactly how the mock ends a response on the wire. */
    private static final class Wire {
        final int status;
        final String body;
        /** Whether the chunked body ended with its zero-length last chunk. */
        final boolean terminated;

        private Wire(int status, String body, boolean terminated) {
            this.status = status;
            this.body = body;
            this.terminated = terminated;
        }

        static Wire post(String path, String headers, String body) throws IOException {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n" + headers
                    + "\r\n\r\n";
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (Socket socket = new Socket("127.0.0.1", mock.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(content);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // what arrived before the reset is what the test looks at
            }
            return parse(received.toString(StandardCharsets.ISO_8859_1));
        }

        private static Wire parse(String response) {
            int headEnd = response.indexOf("\r\n\r\n");
            assertTrue(headEnd > 0, "a response head: " + response);
            String head = response.substring(0, headEnd);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"), head);
            int status = Integer.parseInt(head.substring(9, 12));
            StringBuilder body = new StringBuilder();
            int at = headEnd + 4;
            boolean terminated = false;
            while (true) {
                int lineEnd = response.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(response.substring(at, lineEnd), 16);
                if (size == 0) {
                    terminated = true;
                    break;
                }
                int dataEnd = lineEnd + 2 + size;
                if (dataEnd + 2 > response.length()) {
                    break;
                }
                body.append(response, lineEnd + 2, dataEnd);
                at = dataEnd + 2;
            }
            String text = new String(body.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return new Wire(status, text, terminated);
        }
    }

    /** The data of each SSE frame, checking the OpenAI framing: one {@code data: } line, a blank line after. */
    private static List<String> openAiFrames(String body) {
        List<String> data = new ArrayList<>();
        for (String frame : frames(body)) {
            assertTrue(frame.startsWith("data: ") && !frame.contains("\n"), "one data line per frame: " + frame);
            data.add(frame.substring("data: ".length()));
        }
        return data;
    }

    /** Name and data of each SSE frame, checking the Anthropic framing: an {@code event:} then a data line. */
    private static List<String[]> anthropicFrames(String body) {
        List<String[]> events = new ArrayList<>();
        for (String frame : frames(body)) {
            String[] lines = frame.split("\n");
            assertEquals(2, lines.length, "event and data lines: " + frame);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), frame);
            events.add(new String[] {lines[0].substring("event: ".length()), lines[1].substring("data: ".length())});
        }
        return events;
    }

    private static List<String> frames(String body) {
        assertTrue(body.isEmpty() || body.endsWith("\n\n"), "every frame ends with a blank line");
        assertFalse(body.contains("\r"));
        List<String> frames = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            if (!frame.isEmpty()) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static List<JsonObject> chunks(List<String> data) {
        return data.stream().filter(d -> !d.equals("[DONE]")).map(MockProviderSelfIT::json)
                .collect(Collectors.toList());
    }

    private static JsonObject assertOpenAiError(String body, String type) {
        JsonObject error = json(body).getJsonObject("error");
        assertEquals(type, error.getString("type"));
        assertFalse(error.getString("message").isEmpty());
        assertTrue(error.containsKey("code"));
        assertTrue(error.isNull("param"));
        return error;
    }

    private static void assertAnthropicError(String body, String type) {
        JsonObject json = json(body);
        assertEquals("error", json.getString("type"));
        assertEquals(type, json.getJsonObject("error").getString("type"));
        assertFalse(json.getJsonObject("error").getString("message").isEmpty());
    }

    private static void assertUsage(JsonObject usage, int prompt, int completion) {
        assertEquals(prompt, usage.getInt("prompt_tokens"));
        assertEquals(completion, usage.getInt("completion_tokens"));
        assertEquals(prompt + completion, usage.getInt("total_tokens"));
    }

    private static RecordedRequest only(String key) {
        List<RecordedRequest> records = mock.requestsWithKey(key);
        assertEquals(1, records.size(), "requests with key " + key + ": " + records);
        return records.get(0);
    }

    private static List<Integer> statuses(String key) {
        return mock.requestsWithKey(key).stream().map(RecordedRequest::responseStatus).collect(Collectors.toList());
    }

    /** A normal key no other test uses. */
    private static String key(String label) {
        return "sk-" + label + "-" + UUID.randomUUID();
    }

    private static String chat(String model, String content) {
        return Jsonp.object().add("model", model)
                .add("messages", Jsonp.array().add(message("user", content))).build().toString();
    }

    private static String chatStream(String model, boolean includeUsage) {
        JsonObjectBuilder body = Jsonp.object(json(chat(model, "hi"))).add("stream", true);
        if (includeUsage) {
            body.add("stream_options", Jsonp.object().add("include_usage", true));
        }
        return body.build().toString();
    }

    private static JsonObjectBuilder messages(String model, boolean stream) {
        return Jsonp.object().add("model", model).add("max_tokens", 256).add("system", "You are terse.")
                .add("messages", Jsonp.array().add(message("user", "Say hello to the mock.")))
                .add("stream", stream);
    }

    private static JsonObjectBuilder message(String role, String content) {
        return Jsonp.object().add("role", role).add("content", content);
    }

    private static HttpResponse<String> openAi(String path, String key, String body) throws Exception {
        return send(request(path).header("Authorization", "Bearer " + key).POST(body(body)).build());
    }

    private static HttpResponse<InputStream> openAiStream(String key) throws Exception {
        return HTTP.send(request("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .POST(body(chatStream("m", false))).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String openAiStreamBody(String key) throws Exception {
        return openAi("/v1/chat/completions", key, chatStream("m", false)).body();
    }

    private static HttpResponse<String> azure(String pathAndQuery, String key, String body) throws Exception {
        return send(request(pathAndQuery).header("api-key", key).POST(body(body)).build());
    }

    private static HttpResponse<String> anthropic(String key, JsonObject body) throws Exception {
        return send(request("/v1/messages").header("x-api-key", key).header("anthropic-version", "2023-06-01")
                .POST(body(body.toString())).build());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return Jsonp.reader(text).readObject();
    }
}
