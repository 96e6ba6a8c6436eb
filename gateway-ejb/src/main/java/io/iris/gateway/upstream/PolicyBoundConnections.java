package io.iris.gateway.upstream;

import io.iris.gateway.egress.EgressPolicy;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.hc.client5.http.EndpointInfo;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.nio.AsyncClientConnectionManager;
import org.apache.hc.client5.http.nio.AsyncConnectionEndpoint;
import org.apache.hc.core5.concurrent.ComplexFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.AsyncPushConsumer;
import org.apache.hc.core5.http.nio.HandlerFactory;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ConnectionInitiator;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The connection pool, partitioned by egress policy: a pooled connection is reused only under the policy it was
 * opened under, so a change of {@code provider_hosts_allowed} / {@code provider_hosts_denied} applies to the
 * next request at once, not when keep-alive connections to a newly refused host happen to close. The pool entry's
 * state is the policy object: the pool hands an idle connection only to a lease with the same state. When a
 * lease sees a new policy, idle connections are closed; a connection in use when the policy changed is closed
 * when it is released. Every new connection goes through {@link EgressDnsResolver}. Thread-safe: one volatile
 * read per lease, no lock of its own.
 */
final class PolicyBoundConnections implements AsyncClientConnectionManager {
    private final PoolingAsyncClientConnectionManager pool;
    private final Supplier<EgressPolicy> policies;
    private volatile EgressPolicy seen;

    PolicyBoundConnections(PoolingAsyncClientConnectionManager pool, Supplier<EgressPolicy> policies) {
        this.pool = pool;
        this.policies = policies;
    }

    @Override
    public Future<AsyncConnectionEndpoint> lease(String id, HttpRoute route, Object state, Timeout requestTimeout,
                                                 FutureCallback<AsyncConnectionEndpoint> callback) {
        EgressPolicy policy = policies.get();
        if (policy != seen) {
            seen = policy;
            pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
        }
        ComplexFuture<AsyncConnectionEndpoint> result = new ComplexFuture<>(callback);
        result.setDependency(pool.lease(id, route, policy, requestTimeout,
                relay(result, leased -> new Bound(leased, policy))));
        return result;
    }

    @Override
    public void release(AsyncConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        if (endpoint instanceof Bound bound && bound.policy == policies.get()) {
            pool.release(bound.inner, bound.policy, validDuration);
            return;
        }
        // Opened under another policy: never pooled again.
        AsyncConnectionEndpoint inner = endpoint instanceof Bound bound ? bound.inner : endpoint;
        inner.close(CloseMode.IMMEDIATE);
        pool.release(inner, null, TimeValue.ZERO_MILLISECONDS);
    }

    @Override
    public Future<AsyncConnectionEndpoint> connect(AsyncConnectionEndpoint endpoint,
                                                   ConnectionInitiator connectionInitiator, Timeout connectTimeout,
                                                   Object attachment, HttpContext context,
                                                   FutureCallback<AsyncConnectionEndpoint> callback) {
        Bound bound = (Bound) endpoint;
        ComplexFuture<AsyncConnectionEndpoint> result = new ComplexFuture<>(callback);
        result.setDependency(pool.connect(bound.inner, connectionInitiator, connectTimeout, attachment, context,
                relay(result, connected -> bound)));
        return result;
    }

    @Override
    public void upgrade(AsyncConnectionEndpoint endpoint, Object attachment, HttpContext context) {
        pool.upgrade(((Bound) endpoint).inner, attachment, context);
    }

    @Override
    public void upgrade(AsyncConnectionEndpoint endpoint, Object attachment, HttpContext context,
                        FutureCallback<AsyncConnectionEndpoint> callback) {
        Bound bound = (Bound) endpoint;
        pool.upgrade(bound.inner, attachment, context, relay(new ComplexFuture<>(callback), upgraded -> bound));
    }

    @Override
    public void close(CloseMode closeMode) {
        pool.close(closeMode);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Completes {@code result} with what the pool completed, passed through {@code wrap}. */
    private static FutureCallback<AsyncConnectionEndpoint> relay(ComplexFuture<AsyncConnectionEndpoint> result,
                                                                 UnaryOperator<AsyncConnectionEndpoint> wrap) {
        return new FutureCallback<>() {
            @Override
            public void completed(AsyncConnectionEndpoint endpoint) {
                result.completed(wrap.apply(endpoint));
            }

            @Override
            public void failed(Exception cause) {
                result.failed(cause);
            }

            @Override
            public void cancelled() {
                result.cancel();
            }
        };
    }

    /** A pooled endpoint with the policy it was leased under. */
    static final class Bound extends AsyncConnectionEndpoint {
        final AsyncConnectionEndpoint inner;
        final EgressPolicy policy;

        Bound(AsyncConnectionEndpoint inner, EgressPolicy policy) {
            this.inner = inner;
            this.policy = policy;
        }

        @Override
        public void execute(String id, AsyncClientExchangeHandler exchangeHandler,
                            HandlerFactory<AsyncPushConsumer> pushHandlerFactory, HttpContext context) {
            inner.execute(id, exchangeHandler, pushHandlerFactory, context);
        }

        @Override
        public boolean isConnected() {
            return inner.isConnected();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            inner.setSocketTimeout(timeout);
        }

        @Override
        public void close(CloseMode closeMode) {
            inner.close(closeMode);
        }

        @Override
        public EndpointInfo getInfo() {
            return inner.getInfo();
        }
    }
}
