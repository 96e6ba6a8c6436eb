package it.support.mock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A fake LLM vendor on 127.0.0.1 that speaks the OpenAI ({@code /v1/chat/completions}, {@code /v1/completions},
 * {@code /v1/embeddings}, {@code /v1/models}), Azure OpenAI ({@code /openai/deployments/{d}/...?api-version=})
 * and Anthropic ({@code /v1/messages}) wire formats, JSON and SSE, and records every request.
 *
 * <p>It answers "Hello from mock {model}" with prompt tokens = characters of all message contents / 4 (at
 * least 1) and completion tokens = words of the reply, unless the request scripts it. Directives come from an
 * API key {@code mock;name=value;...} (Bearer, {@code x-api-key} or {@code api-key}) and, overriding those, from
 * a body field {@code "mock": {"name": value}}; an unknown name is a 400 {@code mock_directive_error}:
 * <ul>
 * <li>{@code status=4xx|5xx}: that error in the endpoint's format; {@code retry_after=s} adds Retry-After;</li>
 * <li>{@code fail_times=n}: status, delay_ms, stall_after and drop_after apply only to the first n requests
 * carrying the same API key, then it answers normally;</li>
 * <li>{@code delay_ms=n}: wait before the response headers;</li>
 * <li>{@code chunk_delay_ms=n}: wait between stream events;</li>
 * <li>{@code stall_after=n}: send n stream events, then nothing until {@code stall_ms} (default 60000) passes or
 * the mock closes, then cut the connection;</li>
 * <li>{@code drop_after=n}: send n stream events, then cut the connection (no {@code [DONE]}, no last chunk);
 * {@code drop_after=0} cuts any request before a response;</li>
 * <li>{@code error_after=n}: send n stream events, then the vendor's error event inside the 200 stream
 * ({@code data: {"error": ...}}, or Anthropic's {@code event: error}) quoting the API key it received and a
 * secret-looking token, then end the body cleanly (no {@code [DONE]});</li>
 * <li>{@code fixture=tool_call|long|empty}: a get_weather tool call, a 2,000-word reply, an empty reply;</li>
 * <li>{@code echo=true}: the reply text is the raw request body;</li>
 * <li>{@code tag=anything}: ignored, makes a scripted key unique to one test.</li>
 * </ul>
 * Stream events are counted as SSE frames, {@code [DONE]} and Anthropic's ping included.
 *
 * <p>Thread-safe: one instance serves concurrent requests on a pool of 64 threads and may be
 * shared by all tests of a JVM ({@link #shared()}). Tests that share it should tell their requests apart by
 * API key ({@link #requestsWithKey(String)}) rather than {@link #reset()} it.
 */
public final class MockProvider implements AutoCloseable {
    /** The secret-looking token that {@code error_after} error events carry (beside the API key received). */
    public static final String LEAKED_SECRET = SseStream.LEAKED_SECRET;
    private static final int THREADS = 64;
    private static MockProvider shared;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every response then
        // waits for the client's delayed ACK (~40 ms). Read once, when the JVM's first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<RecordedRequest> records = new ArrayList<>();
    private final Map<String, AtomicInteger> failuresByKey = new ConcurrentHashMap<>();

    private MockProvider() throws IOException {
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "mock-provider-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** A new mock on a free port of 127.0.0.1. */
    public static MockProvider start() {
        try {
            return new MockProvider();
        } catch (IOException e) {
            throw new UncheckedIOException("the mock provider could not listen on 127.0.0.1", e);
        }
    }

    /** The mock of this JVM, started on first use and closed when the JVM exits (not by its users). */
    public static synchronized MockProvider shared() {
        if (shared == null) {
            MockProvider mock = start();
            Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "mock-provider-shutdown"));
            shared = mock;
        }
        return shared;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}: the base URL of an Anthropic or Azure provider. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:PORT/v1}: the base URL of an OpenAI-type provider. */
    public String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    public String anthropicBaseUrl() {
        return baseUrl();
    }

    public String azureBaseUrl() {
        return baseUrl();
    }

    /** Every request received since start or the last reset, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    public List<RecordedRequest> requestsWithKey(String apiKey) {
        return requests().stream().filter(r -> r.apiKey().filter(apiKey::equals).isPresent())
                .collect(Collectors.toUnmodifiableList());
    }

    public Optional<RecordedRequest> last() {
        synchronized (records) {
            return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
        }
    }

    public int count() {
        synchronized (records) {
            return records.size();
        }
    }

    /** Forgets the recorded requests and the {@code fail_times} counters. */
    public void reset() {
        synchronized (records) {
            records.clear();
            failuresByKey.clear();
        }
    }

    /** Stops listening and ends requests in progress (stalls, delays) at once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange http) throws IOException {
        byte[] body = http.getRequestBody().readAllBytes();
        Route route = Route.of(http.getRequestMethod(), http.getRequestURI().getRawPath());
        String apiKey = route.apiKey(http.getRequestHeaders());
        Map<String, String> headers = http.getRequestHeaders().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0), (a, b) -> a));
        RecordedRequest record = new RecordedRequest(http.getRequestMethod(), http.getRequestURI().getRawPath(),
                http.getRequestURI().getRawQuery(), headers, body, apiKey, route.deployment, Instant.now());
        synchronized (records) {
            records.add(record);
        }
        MockExchange exchange = new MockExchange(http, record, route.flavor, closing);
        try {
            new Responder(exchange, route, failuresByKey).respond();
        } catch (RuntimeException bug) {
            // a mock bug must show in the test output, not as a mysterious gateway error
            System.err.println("mock provider failed on " + record + ": " + bug);
            bug.printStackTrace();
            if (record.responseStatus() != 0) {
                throw MockExchange.drop("mock failure");
            }
            exchange.error(500, "server_error", "mock: " + bug, null);
        } finally {
            record.markFinished();
        }
    }
}
