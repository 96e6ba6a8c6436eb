package it.support.mock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-event response being written: one {@code event:} line (when named) and one {@code data:}
 * line per event, a blank line after each, flushed one by one. Applies the stream directives: pauses
 * ({@code chunk_delay_ms}), stalls ({@code stall_after}), drops ({@code drop_after}) and error events
 * ({@code error_after}), counted in events.
 * A failed write means the client went away: it is recorded and the connection is dropped. Confined to the
 * handler thread.
 */
final class SseStream {
    /** Thrown out of the handler so that the HTTP server closes the socket instead of ending the body. */
    static final class ConnectionDropped extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped(String why) {
            super(why);
        }
    }

    /** A secret-looking token that error events carry, for tests that check the gateway removes it. */
    static final String LEAKED_SECRET = "sk-live-mockLeakedSecret0123456789";

    private final OutputStream out;
    private final RecordedRequest record;
    private final Directives directives;
    private final CountDownLatch closing;
    private final MockExchange.Flavor flavor;
    private int sent;
    /** The body was ended early, cleanly (after an error event): later events are not written. */
    private boolean ended;

    SseStream(OutputStream out, RecordedRequest record, Directives directives, CountDownLatch closing,
            MockExchange.Flavor flavor) {
        this.out = out;
        this.record = record;
        this.directives = directives;
        this.closing = closing;
        this.flavor = flavor;
    }

    /** One event; {@code name} null writes a data-only event (the OpenAI style). */
    void event(String name, String data) throws IOException {
        beforeEvent();
        if (ended) {
            return;
        }
        StringBuilder frame = new StringBuilder(data.length() + 32);
        if (name != null) {
            frame.append("event: ").append(name).append('\n');
        }
        frame.append("data: ").append(data).append("\n\n");
        try {
            out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException gone) {
            record.markClientDisconnected();
            throw new ConnectionDropped("the client went away: " + gone.getMessage());
        }
        sent++;
    }

    /** Ends the response cleanly, unless a directive wants the stream cut or stalled at this point. */
    void finish() throws IOException {
        beforeEvent();
        if (ended) {
            return;
        }
        try {
            out.close();
        } catch (IOException gone) {
            record.markClientDisconnected();
            throw new ConnectionDropped("the client went away: " + gone.getMessage());
        }
    }

    private void beforeEvent() throws IOException {
        if (sent == directives.dropAfter) {
            throw new ConnectionDropped("mock: drop_after=" + sent);
        }
        if (ended) {
            return;
        }
        if (sent == directives.errorAfter) {
            errorEvent();
            return;
        }
        if (sent == directives.stallAfter) {
            stall();
        }
        if (sent > 0 && directives.chunkDelayMs > 0) {
            pause(directives.chunkDelayMs);
        }
    }

    /**
     * The vendor's error event inside a 200 stream, then a clean end (no {@code [DONE]}). Like real vendors' messages
     * ("Incorrect API key provided: sk-..."), it quotes the API key the mock received and a secret-looking token.
     */
    private void errorEvent() throws IOException {
        String message = "mock: the stream failed; key " + record.apiKey().orElse("") + " is over quota (see "
                + LEAKED_SECRET + ")";
        String frame = flavor == MockExchange.Flavor.ANTHROPIC
                ? "event: error\ndata: " + Jsonp.object().add("type", "error").add("error", Jsonp.object()
                        .add("type", "overloaded_error").add("message", message)).build() + "\n\n"
                : "data: " + Jsonp.object().add("error", Jsonp.object().add("message", message)
                        .add("type", "server_error").add("code", "server_error")).build() + "\n\n";
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.close();
        } catch (IOException gone) {
            record.markClientDisconnected();
            throw new ConnectionDropped("the client went away: " + gone.getMessage());
        }
        ended = true;
    }

    /**
     * Sends nothing more until the mock closes or {@code stall_ms} passes, then drops the connection. The JDK
     * HTTP server gives a handler no way to notice a silent disconnect, so a stall is only ended by time.
     */
    private void stall() throws IOException {
        try {
            closing.await(directives.stallMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ConnectionDropped("mock: stall_after=" + sent + " ended");
    }

    static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionDropped("mock: shutting down");
        }
    }
}
