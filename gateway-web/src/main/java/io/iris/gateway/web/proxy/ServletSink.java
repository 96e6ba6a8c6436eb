package io.iris.gateway.web.proxy;

import io.iris.gateway.proxy.ClientSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client connection of an asynchronous servlet request. Each write is flushed at once so stream events
 * reach the client as they arrive. A failed write means the client left: the upstream call is cancelled.
 */
final class ServletSink implements ClientSink, AsyncListener {
    private final AsyncContext async;
    private final HttpServletResponse response;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Runnable onDisconnect = () -> { };

    ServletSink(AsyncContext async) {
        this.async = async;
        this.response = (HttpServletResponse) async.getResponse();
        async.addListener(this);
    }

    @Override
    public void start(int status, Map<String, String> headers) {
        if (finished.get()) {
            return;
        }
        response.setStatus(status);
        headers.forEach(response::setHeader);
    }

    @Override
    public void write(byte[] bytes) {
        if (finished.get() || bytes.length == 0) {
            return;
        }
        try {
            var out = response.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException clientGone) {
            disconnected();
        }
    }

    /**
     * With its length declared and the body flushed, the client has the whole answer from this thread. Liberty
     * hands a {@link AsyncContext#complete()} called from a thread not its own to one of its executor threads, and
     * the end of a chunked answer would wait for that hand-off.
     */
    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        if (!finished.get()) {
            start(status, headers);
            response.setContentLength(body.length);
            write(body);
        }
        complete();
    }

    @Override
    public void complete() {
        if (finished.compareAndSet(false, true)) {
            async.complete();
        }
    }

    @Override
    public void onDisconnect(Runnable onDisconnect) {
        this.onDisconnect = onDisconnect;
    }

    private void disconnected() {
        if (finished.compareAndSet(false, true)) {
            onDisconnect.run();
            async.complete();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        disconnected();
    }

    @Override
    public void onError(AsyncEvent event) {
        disconnected();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
