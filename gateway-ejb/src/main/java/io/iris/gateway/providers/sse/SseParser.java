package io.iris.gateway.providers.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Incremental parser of a {@code text/event-stream} body, after the WHATWG event-stream rules: lines end
 * with {@code \r\n}, {@code \n} or {@code \r}; {@code data:} lines of one event are joined with
 * {@code \n}; one space after the colon is dropped; lines starting with {@code :} are comments; {@code id}
 * and {@code retry} are ignored; an event is dispatched at a blank line, and only when it had a
 * {@code data} field. A leading UTF-8 byte order mark is skipped.
 *
 * <p>Bytes may arrive split anywhere, inside a UTF-8 character or between {@code \r} and {@code \n}:
 * lines are decoded only once complete. Invalid UTF-8 decodes to U+FFFD.
 *
 * <p>Not thread-safe: use one instance per stream, from one thread at a time.
 */
public final class SseParser {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCr;
    private boolean firstLine = true;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventName;

    /**
     * Consumes {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @return the events completed by these bytes, in order; empty when none, never null
     * @throws NullPointerException when {@code bytes} is null
     * @throws IndexOutOfBoundsException when the range lies outside {@code bytes}
     */
    public List<SseEvent> feed(byte[] bytes, int offset, int length) {
        List<SseEvent> events = new ArrayList<>(2);
        scan(bytes, offset, length, events, null);
        return events;
    }

    /**
     * One block of the stream as it arrived: the bytes up to and including the blank line that ends it. {@code end}
     * is where that blank line ends in the bytes just fed (the block may have begun in earlier feeds);
     * {@code event} is the event it dispatched, or null for a block without data (comments, keep-alives).
     */
    public record Block(SseEvent event, int end) {
    }

    /**
     * Consumes bytes like {@link #feed}, and tells where each block ends, so that a relay can pass, drop or
     * replace whole blocks. After a {@code \r\n} line end, the block ends after the {@code \r}; its {@code \n}
     * starts the next block's bytes (a parser reads the two either way).
     *
     * @return the blocks completed by these bytes, in order; empty when none, never null
     */
    public List<Block> feedBlocks(byte[] bytes, int offset, int length) {
        List<Block> blocks = new ArrayList<>(2);
        scan(bytes, offset, length, new ArrayList<>(1), blocks);
        return blocks;
    }

    private void scan(byte[] bytes, int offset, int length, List<SseEvent> events, List<Block> blocks) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    continue;
                }
            }
            if (b == CR || b == LF) {
                afterCr = b == CR;
                int before = events.size();
                if (endLine(events) && blocks != null) {
                    blocks.add(new Block(events.size() > before ? events.get(events.size() - 1) : null, i + 1));
                }
            } else {
                append(b);
            }
        }
    }

    /**
     * Ends the stream: a last line without line end is taken as complete and a pending event is
     * dispatched even though no blank line followed. The parser is then reset for a new stream.
     *
     * @return the final event, if any; never null
     */
    public List<SseEvent> finish() {
        List<SseEvent> events = new ArrayList<>(1);
        if (lineLength > 0) {
            endLine(events);
        }
        dispatch(events);
        afterCr = false;
        firstLine = true;
        return events;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    /** Ends a line; true when it was blank, which ends a block. */
    private boolean endLine(List<SseEvent> events) {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        if (text.isEmpty()) {
            dispatch(events);
            return true;
        }
        if (text.charAt(0) != ':') {
            field(text);
        }
        return false;
    }

    private void field(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = "";
        if (colon >= 0) {
            int start = colon + 1 < text.length() && text.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
            value = text.substring(start);
        }
        if ("data".equals(name)) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if ("event".equals(name)) {
            eventName = value.isEmpty() ? null : value;
        }
        // id, retry and unknown fields carry nothing a proxy needs.
    }

    private void dispatch(List<SseEvent> events) {
        if (hasData) {
            events.add(new SseEvent(eventName, data.toString()));
        }
        data.setLength(0);
        hasData = false;
        eventName = null;
    }
}
