package it.support.mock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-event response being written: one {@code event:} line (when named) and one {@code data:}
 * line per event, a blank line after each, flushed one by one. Applies the stream directives: pauses
 * ({@code chunk_delay_ms}), stalls ({@code stall_after}) and drops ({@code drop_after}), counted in events.
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

    private final OutputStream out;
    private final RecordedRequest record;
    private final Directives directives;
    private final CountDownLatch closing;
    private int sent;

    SseStream(OutputStream out, RecordedRequest record, Directives directives, CountDownLatch closing) {
        this.out = out;
        this.record = record;
        this.directives = directives;
        this.closing = closing;
    }

    /** One event; {@code name} null writes a data-only event (the OpenAI style). */
    void event(String name, String data) throws IOException {
        beforeEvent();
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
        if (sent == directives.stallAfter) {
            stall();
        }
        if (sent > 0 && directives.chunkDelayMs > 0) {
            pause(directives.chunkDelayMs);
        }
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
