package io.iris.gateway.proxy;

import java.util.Map;

/**
 * The client's side of a proxied request, as the web layer gives it to the proxy. Calls come in the order
 * {@code start}, {@code write}*, {@code complete}, from whichever thread has the data; each {@code write} is
 * sent to the client at once.
 */
public interface ClientSink {
    void start(int status, Map<String, String> headers);

    void write(byte[] bytes);

    void complete();

    /**
     * A whole answer (status, headers, body), then {@link #complete()}. A sink that knows the length can send it
     * with a {@code content-length} in one write, so the client has all of it before the request is wound up.
     */
    default void respond(int status, Map<String, String> headers, byte[] body) {
        start(status, headers);
        write(body);
        complete();
    }

    /** Runs {@code onDisconnect} if the client goes away before {@link #complete()}. */
    void onDisconnect(Runnable onDisconnect);
}
