package bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * An open-loop, fixed-rate load generator over one pooled asynchronous HttpClient5. Request {@code i} of a run
 * is due at {@code start + i / rate} and is sent then whether or not earlier ones have been answered; its
 * latency is measured from that due time, not from when it actually left, so a stalled server or a late
 * sender is charged to latency (no coordinated omission). Runs are bounded: a fixed count of requests, a
 * response timeout, a cap on requests outstanding (beyond it a due request is dropped and counted as a
 * failure), a pool sized to the run, and a bounded drain. One run at a time.
 */
final class LoadGenerator {
    /** Requests waiting for an answer beyond which due requests are dropped rather than queued. */
    private static final int MAX_OUTSTANDING = 30_000;

    private final int ioThreads;
    private final int maxConnections;

    /**
     * @param ioThreads reactor threads of the client
     * @param maxConnections the most connections a run may open to its target
     */
    LoadGenerator(int ioThreads, int maxConnections) {
        this.ioThreads = ioThreads;
        this.maxConnections = maxConnections;
    }

    /**
     * A fresh client for one run, its pool sized to what the offered load needs ({@code rate} times the
     * expected latency, plus headroom) rather than unbounded: when a target stalls, an unbounded pool opens a
     * connection per due request, and the generator then measures its own memory and GC instead of the target.
     * Requests beyond the pool wait for a connection, and that wait counts in their latency.
     */
    private static CloseableHttpAsyncClient client(int connections, int ioThreads) {
        // The minimal client (no redirect, retry, cookie or auth stages) and a response consumer that drops the
        // body: the generator shares a core with the mock, and every microsecond it spends is one the core
        // cannot spend on offering load.
        CloseableHttpAsyncClient client = HttpAsyncClients.createMinimal(HttpVersionPolicy.FORCE_HTTP_1,
                H2Config.DEFAULT, Http1Config.DEFAULT,
                IOReactorConfig.custom().setIoThreadCount(ioThreads).setTcpNoDelay(true).build(),
                PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setConnPoolPolicy(PoolReusePolicy.LIFO)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .build())
                        .build());
        client.start();
        return client;
    }

    /** Connections for {@code rate} requests per second each taking about {@code delayMs} plus 100 ms. */
    int connectionsFor(int rate, int delayMs) {
        long needed = (long) rate * (delayMs + 100) / 1000 + 50;
        return (int) Math.min(maxConnections, needed);
    }

    /**
     * Offers {@code rate} requests per second to {@code target} for {@code warmupSeconds} (not recorded) then
     * {@code measureSeconds} (recorded), and waits for the answers.
     *
     * @param delayMs the upstream delay the target was set up with, for the timeout and the report
     */
    RunResult run(Target target, int rate, int warmupSeconds, int measureSeconds, int delayMs) {
        int warmup = rate * warmupSeconds;
        int measured = rate * measureSeconds;
        double nanosPerRequest = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(measureSeconds);
        Recorder recorder = new Recorder(measured, windowStart, windowEnd);
        AtomicInteger outstanding = new AtomicInteger();
        long timeoutMs = 10_000L + delayMs;
        RequestConfig config = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(timeoutMs))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeoutMs))
                .build();

        CloseableHttpAsyncClient client = client(connectionsFor(rate, delayMs), ioThreads);
        for (int i = 0; i < warmup + measured; i++) {
            long due = start + (long) (i * nanosPerRequest);
            long now = System.nanoTime();
            if (now < due) {
                // No spinning: the generator shares its core with the mock. A late wake-up sends a small burst,
                // and the lateness counts in latency because it is measured from the due time.
                LockSupport.parkNanos(due - now);
            }
            int slot = i - warmup;
            if (outstanding.get() >= MAX_OUTSTANDING) {
                recorder.failed(slot, "dropped (too many outstanding)");
                continue;
            }
            outstanding.incrementAndGet();
            send(client, target, config, due, slot, recorder, outstanding);
        }
        drain(outstanding, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs + 5_000));
        client.close(CloseMode.IMMEDIATE);
        return recorder.result(target, rate, delayMs, measureSeconds);
    }

    private static void send(CloseableHttpAsyncClient client, Target target, RequestConfig config, long due, int slot,
                             Recorder recorder, AtomicInteger outstanding) {
        HttpRequest request = BasicRequestBuilder.post(target.uri())
                .setHeader("Authorization", "Bearer " + target.bearer())
                .build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        client.execute(new BasicRequestProducer(request,
                        new BasicAsyncEntityProducer(target.body(), ContentType.APPLICATION_JSON)),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), null, context,
                new FutureCallback<Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> response) {
                        long now = System.nanoTime();
                        outstanding.decrementAndGet();
                        int status = response.getHead().getCode();
                        if (status == 200) {
                            recorder.answered(slot, now - due, now);
                        } else {
                            recorder.failed(slot, "http " + status);
                        }
                    }

                    @Override
                    public void failed(Exception cause) {
                        outstanding.decrementAndGet();
                        recorder.failed(slot, cause.getClass().getSimpleName());
                    }

                    @Override
                    public void cancelled() {
                        outstanding.decrementAndGet();
                        recorder.failed(slot, "cancelled");
                    }
                });
    }

    private static void drain(AtomicInteger outstanding, long deadline) {
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
