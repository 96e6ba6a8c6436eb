package io.iris.gateway.upstream;

import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.Snapshots;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled, asynchronous HTTP client of the gateway. No thread waits on an upstream call: bodies arrive on
 * the client's I/O threads and go straight to the listener. The client's own retries and redirects are off;
 * the gateway's policy is the only one: a 3xx answer is passed back as the provider's answer, never followed.
 * Every connection it opens is checked against the egress policy of the configuration in force
 * ({@link EgressDnsResolver}), and pooled connections are reused only under the policy they were opened under
 * ({@link PolicyBoundConnections}). Thread-safe.
 */
@ApplicationScoped
public class UpstreamClient {
    private static final int MAX_CONNECTIONS = 10_000;
    private static final int CHUNK = 32 * 1024;

    private MinimalHttpAsyncClient client;

    @Inject
    Snapshots snapshots;

    @PostConstruct
    void start() {
        EgressPolicies policies = new EgressPolicies(() -> snapshots.current().config());
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
                .setDnsResolver(new EgressDnsResolver(policies, SystemDefaultDnsResolver.INSTANCE))
                .build();
        PolicyBoundConnections connections = new PolicyBoundConnections(pool, policies);
        // The minimal client: no retry, redirect, cookie, authentication or decompression stages. The gateway
        // has its own policy for each, and those stages cost a URI parse and several header scans per request.
        // Bodies pass through as the upstream encoded them.
        client = HttpAsyncClients.createMinimal(HttpVersionPolicy.FORCE_HTTP_1, H2Config.DEFAULT,
                Http1Config.DEFAULT,
                IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(2, Runtime.getRuntime().availableProcessors()))
                        .setTcpNoDelay(true)
                        .build(),
                connections);
        client.start();
    }

    @PreDestroy
    void stop() {
        client.close(CloseMode.GRACEFUL);
    }

    /**
     * Sends {@code request}; the answer goes to {@code listener}. {@code idleTimeoutMs} bounds the wait for
     * the first byte and between two chunks.
     *
     * @return a handle that aborts the call (the listener then sees a failure)
     */
    @SuppressWarnings("deprecation")
    public Cancellation send(UpstreamRequest request, ProviderRoute.Network network, int idleTimeoutMs,
                             UpstreamListener listener) {
        SimpleHttpRequest http = SimpleHttpRequest.create("POST", request.uri());
        request.headers().forEach(http::setHeader);
        http.setBody(request.body(), ContentType.APPLICATION_JSON);
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(network.connectTimeoutMs()))
                .setResponseTimeout(Timeout.ofMilliseconds(idleTimeoutMs))
                .build());
        Consumer consumer = new Consumer(listener);
        Future<Void> future = client.execute(SimpleRequestProducer.create(http), consumer, null, context,
                new Callback(listener));
        return () -> {
            consumer.cancelled = true;
            future.cancel(true);
        };
    }

    /** Aborts an upstream call, closing its connection rather than returning it to the pool. */
    @FunctionalInterface
    public interface Cancellation {
        void cancel();
    }

    /** Streams the body to the listener as it arrives. */
    private static final class Consumer extends AbstractBinResponseConsumer<Void> {
        private final UpstreamListener listener;
        private volatile boolean cancelled;

        Consumer(UpstreamListener listener) {
            this.listener = listener;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : response.getHeaders()) {
                headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            listener.onHead(response.getCode(), headers);
        }

        @Override
        protected int capacityIncrement() {
            return CHUNK;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            if (cancelled) {
                // Failing the exchange makes the client close the connection: a pooled connection that is
                // merely released would keep the upstream generating (and billing) for nobody.
                throw new IOException("the client went away");
            }
            if (src.hasRemaining()) {
                byte[] chunk = new byte[src.remaining()];
                src.get(chunk);
                listener.onData(chunk);
            }
        }

        @Override
        protected Void buildResult() {
            return null;
        }

        @Override
        public void releaseResources() {
        }
    }

    private record Callback(UpstreamListener listener) implements FutureCallback<Void> {
        @Override
        public void completed(Void result) {
            listener.onComplete();
        }

        @Override
        public void failed(Exception cause) {
            listener.onFailure(cause);
        }

        @Override
        public void cancelled() {
            listener.onFailure(new java.util.concurrent.CancellationException("cancelled"));
        }
    }
}
