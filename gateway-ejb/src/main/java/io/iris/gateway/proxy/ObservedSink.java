package io.iris.gateway.proxy;

import java.util.Map;

/**
 * The client's sink, watched: the status the client got, when its first byte left, and when the answer ended or
 * the client went away, which closes the request's {@link CallObservation}. The observation is closed after the
 * client has its last byte, so recording it never delays an answer.
 */
final class ObservedSink implements ClientSink {
    private final ClientSink client;
    private final CallObservation observation;
    private volatile Runnable onDisconnect = () -> { };

    ObservedSink(ClientSink client, CallObservation observation) {
        this.client = client;
        this.observation = observation;
        client.onDisconnect(() -> {
            onDisconnect.run();
            observation.finish(true);
        });
    }

    @Override
    public void start(int status, Map<String, String> headers) {
        observation.started(status);
        client.start(status, headers);
    }

    @Override
    public void write(byte[] bytes) {
        observation.firstByte();
        client.write(bytes);
    }

    @Override
    public void complete() {
        client.complete();
        observation.finish(false);
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        observation.started(status);
        observation.firstByte();
        client.respond(status, headers, body);
        observation.finish(false);
    }

    @Override
    public void onDisconnect(Runnable onDisconnect) {
        this.onDisconnect = onDisconnect;
    }
}
