package io.iris.gateway.providers.sse;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Relays an event stream block by block, as the bytes came, except for the events a {@link Rewrite} drops or
 * replaces: a block's bytes leave once its blank line has arrived (a client cannot act on half an event anyway), so
 * a block can be taken out whole. Blocks without data (comments, keep-alives) always pass. A block that grows past
 * {@value #MAX_HELD_BYTES} bytes without ending is passed on as it comes and its event kept, so a stream without
 * blank lines holds no unbounded memory. When every block of a chunk is kept and the chunk ends on a block
 * boundary, the chunk itself is returned: no copy.
 *
 * <p>Not thread-safe: one instance per stream, fed from one thread at a time.
 */
public final class SseFilter {
    static final int MAX_HELD_BYTES = 1024 * 1024;
    private static final byte[] NOTHING = new byte[0];

    /** Decides one event. */
    @FunctionalInterface
    public interface Rewrite {
        /**
         * @return {@link #KEEP} (null) to pass the block's bytes as they came, an empty array to drop the block, or
         *     the bytes to send instead (a whole block, blank line included)
         */
        byte[] rewrite(SseEvent event);

        /** What {@link #rewrite} returns to keep a block as it came. */
        byte[] KEEP = null;
    }

    private final SseParser parser = new SseParser();
    private final Rewrite rewrite;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    /** The block under way was already passed on in part: it can no longer be dropped or replaced. */
    private boolean passingThrough;
    /**
     * The last block ended with a {@code \r}: a {@code \n} that starts the next block still belongs to the last
     * one's blank line, so it goes (or stays) with the last block, whatever happens to the next.
     */
    private boolean lastEndedWithCr;
    private boolean lastRemoved;

    public SseFilter(Rewrite rewrite) {
        this.rewrite = Objects.requireNonNull(rewrite, "rewrite");
    }

    /** The bytes to send for this chunk (possibly empty, never null). */
    public byte[] onBytes(byte[] chunk) {
        List<SseParser.Block> blocks = parser.feedBlocks(chunk, 0, chunk.length);
        if (blocks.isEmpty()) {
            return hold(chunk, 0);
        }
        // null while what leaves is exactly chunk[0, from): every block so far kept as it came
        ByteArrayOutputStream out = null;
        int from = 0;
        for (SseParser.Block block : blocks) {
            byte[] replacement = decide(block.event());
            byte[] heldBytes = held.size() > 0 ? held.toByteArray() : NOTHING;
            held.reset();
            boolean lastLf = lastEndedWithCr && firstByte(heldBytes, chunk, from, block.end()) == '\n';
            if (replacement == Rewrite.KEEP && out == null && heldBytes.length == 0 && !(lastLf && lastRemoved)) {
                from = ended(chunk, block.end(), false);
                continue;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(chunk.length + 64);
                out.write(chunk, 0, from);
            }
            if (replacement == Rewrite.KEEP) {
                int skip = lastLf && lastRemoved ? 1 : 0;
                if (heldBytes.length > 0) {
                    out.write(heldBytes, skip, heldBytes.length - skip);
                    skip = 0;
                }
                out.write(chunk, from + skip, block.end() - from - skip);
            } else {
                if (lastLf && !lastRemoved) {
                    out.write('\n');
                }
                out.writeBytes(replacement);
            }
            from = ended(chunk, block.end(), replacement != Rewrite.KEEP);
        }
        byte[] oversized = hold(chunk, from);
        if (out == null) {
            byte[] kept = from == chunk.length ? chunk : Arrays.copyOfRange(chunk, 0, from);
            return oversized.length == 0 ? kept : concat(kept, oversized);
        }
        out.writeBytes(oversized);
        return out.toByteArray();
    }

    /** The bytes that close the stream: a last block without its blank line, decided like the others. */
    public byte[] onEnd() {
        List<SseEvent> last = parser.finish();
        byte[] pending = held.toByteArray();
        held.reset();
        boolean lastLf = lastEndedWithCr && pending.length > 0 && pending[0] == '\n';
        byte[] replacement = last.isEmpty() || passingThrough ? Rewrite.KEEP : rewrite.rewrite(last.get(0));
        passingThrough = false;
        if (replacement == Rewrite.KEEP) {
            return lastLf && lastRemoved ? Arrays.copyOfRange(pending, 1, pending.length) : pending;
        }
        return lastLf && !lastRemoved ? concat(new byte[] {'\n'}, replacement) : replacement;
    }

    private byte[] decide(SseEvent event) {
        if (passingThrough) {
            passingThrough = false;
            return Rewrite.KEEP;
        }
        return event == null ? Rewrite.KEEP : rewrite.rewrite(event);
    }

    /** Notes how the block that ends at {@code end} ended; returns {@code end}. */
    private int ended(byte[] chunk, int end, boolean removed) {
        lastEndedWithCr = chunk[end - 1] == '\r';
        lastRemoved = removed;
        return end;
    }

    private static int firstByte(byte[] heldBytes, byte[] chunk, int from, int end) {
        if (heldBytes.length > 0) {
            return heldBytes[0];
        }
        return from < end ? chunk[from] : -1;
    }

    /** Keeps the unfinished block from {@code from} on; returns what must leave now (an oversized block). */
    private byte[] hold(byte[] chunk, int from) {
        held.write(chunk, from, chunk.length - from);
        if (!passingThrough && held.size() <= MAX_HELD_BYTES) {
            return NOTHING;
        }
        passingThrough = true;
        byte[] now = held.toByteArray();
        held.reset();
        return now;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
