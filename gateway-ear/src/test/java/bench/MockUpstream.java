package bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncResponseProducer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The benchmark's upstream: an HttpCore5 asynchronous server on a loopback port answering every
 * {@code POST .../v1/chat/completions} with one fixed, small {@code chat.completion}. The request body is read
 * and dropped. A path that starts with {@code /delay/<ms>/} is answered after that many milliseconds by a
 * scheduler, so a thousand delayed requests hold no thread. Any other path is a 404. Thread-safe.
 */
final class MockUpstream implements AutoCloseable {
    static final String MODEL = "bench-model";
    private static final byte[] COMPLETION = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\","
            + "\"created\":1700000000,\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Hello from the bench mock.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":6,\"total_tokens\":15}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "{\"error\":{\"message\":\"no such path\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String CHAT = "/v1/chat/completions";
    private static final String DELAY = "/delay/";

    private final HttpAsyncServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mock-delay");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder served = new LongAdder();
    private final int port;

    private MockUpstream(int ioThreads, int requestedPort) throws IOException {
        server = AsyncServerBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(ioThreads)
                        .setSoTimeout(Timeout.ofMinutes(2))
                        .setTcpNoDelay(true)
                        .setBacklogSize(4096)
                        // A fixed port (bench.mockPort) is bound again right after the last run's connections closed.
                        .setSoReuseAddress(true)
                        .build())
                // Requests name 127.0.0.1 as their host; any other authority is answered 421 by HttpCore5.
                .setCanonicalHostName("127.0.0.1")
                .register("*", new Handler())
                .create();
        server.start();
        try {
            ListenerEndpoint endpoint = server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort),
                    URIScheme.HTTP).get();
            port = ((InetSocketAddress) endpoint.getAddress()).getPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding the mock", e);
        } catch (ExecutionException e) {
            throw new IOException("the mock could not listen", e.getCause());
        }
    }

    /** Starts a mock on loopback {@code port} (0: a free one) with {@code ioThreads} reactor threads. */
    static MockUpstream start(int ioThreads, int port) throws IOException {
        return new MockUpstream(ioThreads, port);
    }

    /** The OpenAI base URL of the mock ({@code http://127.0.0.1:port/v1}), answering after {@code delayMs}. */
    String openAiBaseUrl(int delayMs) {
        return "http://127.0.0.1:" + port + (delayMs > 0 ? DELAY + delayMs : "") + "/v1";
    }

    long served() {
        return served.sum();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitShutdown(TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Milliseconds to wait before answering {@code path}, 0 for none, -1 when the path is not served. */
    static long delayOf(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if (bare.equals(CHAT)) {
            return 0;
        }
        if (bare.startsWith(DELAY) && bare.endsWith(CHAT)) {
            String millis = bare.substring(DELAY.length(), bare.length() - CHAT.length());
            try {
                return Math.max(0, Long.parseLong(millis));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private final class Handler implements AsyncServerRequestHandler<Message<HttpRequest, Void>> {
        @Override
        public AsyncRequestConsumer<Message<HttpRequest, Void>> prepare(HttpRequest request,
                                                                         EntityDetails entity, HttpContext context) {
            return new BasicRequestConsumer<>(new DiscardingEntityConsumer<>());
        }

        @Override
        public void handle(Message<HttpRequest, Void> message, ResponseTrigger trigger, HttpContext context)
                throws HttpException, IOException {
            HttpRequest request = message.getHead();
            long delay = "POST".equals(request.getMethod()) ? delayOf(request.getPath()) : -1;
            if (delay < 0) {
                trigger.submitResponse(response(404, NOT_FOUND), context);
                return;
            }
            served.increment();
            if (delay == 0) {
                trigger.submitResponse(response(200, COMPLETION), context);
                return;
            }
            // The reactor thread is released at once; the timer thread only hands the answer back to it.
            timer.schedule(() -> {
                try {
                    trigger.submitResponse(response(200, COMPLETION), context);
                } catch (HttpException | IOException connectionGone) {
                    // The client left while we waited: nothing to answer.
                }
            }, delay, TimeUnit.MILLISECONDS);
        }

        private AsyncResponseProducer response(int status, byte[] body) {
            return AsyncResponseBuilder.create(status).setEntity(body, ContentType.APPLICATION_JSON).build();
        }
    }
}
