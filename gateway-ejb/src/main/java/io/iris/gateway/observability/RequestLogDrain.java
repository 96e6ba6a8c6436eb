package io.iris.gateway.observability;

import io.iris.gateway.common.Failures;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request log's one background thread: takes queued records in batches of up to {@link #BATCH}, every
 * {@link #IDLE_MS} ms or at once when a whole batch waits, and writes each batch in one transaction; once an hour
 * (the first time a minute after start) it deletes rows past the retention period, a chunk between two batches.
 * A batch the database fails to take is kept and tried again, after a wait that doubles up to 10 s; meanwhile the
 * queue fills up to its capacity and then drops. A database outage is logged when it starts and when it ends, not
 * once per batch. Each record's JSON line ({@link RequestLogLine}) is logged here too, when it is taken from the
 * queue. Its fields belong to its thread, except {@link #stop()}.
 */
final class RequestLogDrain implements Runnable {
    static final int BATCH = 500;
    static final long IDLE_MS = 200;
    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(IDLE_MS);
    private static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LAST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FIRST_PURGE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long PURGE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long PURGE_RETRY_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final RequestLogQueue queue;
    private final RequestLogInserts inserts;
    private final RequestLogRetention retention;
    private final RequestLogDrops drops;
    private final Deque<RequestRecord> pending = new ArrayDeque<>(BATCH);
    private volatile boolean stopping;
    private int failedInARow;
    private long nextPurgeNanos = System.nanoTime() + FIRST_PURGE_NANOS;
    private boolean purgeFailing;

    RequestLogDrain(RequestLogQueue queue, RequestLogInserts inserts, RequestLogRetention retention,
                    RequestLogDrops drops) {
        this.queue = queue;
        this.inserts = inserts;
        this.retention = retention;
        this.drops = drops;
    }

    @Override
    public void run() {
        while (!stopping) {
            long rest = round();
            if (rest > 0 && !stopping) {
                LockSupport.parkNanos(this, rest);
            }
        }
    }

    /** Asks the thread to end after its current round; wake it with {@link LockSupport#unpark}. */
    void stop() {
        stopping = true;
    }

    /**
     * Writes whatever still waits, once, on the calling thread; what cannot be written now is dropped and counted.
     * Only after the thread has ended.
     */
    void flush() {
        while (!pending.isEmpty() || take() > 0) {
            if (!write()) {
                int left = pending.size() + queue.size();
                drops.dropped(left);
                LOG.warning(() -> "the request log could not write its last " + left + " records at shutdown");
                return;
            }
        }
    }

    /** One round: a batch written, and a chunk purged when due. Returns how long to rest (0: go on at once). */
    private long round() {
        long now = System.nanoTime();
        drops.report(now);
        if (pending.isEmpty()) {
            take();
        }
        if (!pending.isEmpty() && !write()) {
            return Math.min(LAST_RETRY_NANOS, FIRST_RETRY_NANOS << Math.min(failedInARow - 1, 4));
        }
        if (now - nextPurgeNanos >= 0) {
            purgeChunk(now);
        }
        return queue.size() >= BATCH ? 0 : IDLE_NANOS;
    }

    /** Takes the next batch from the queue, each record's JSON line logged as it is taken. */
    private int take() {
        int taken = queue.drainTo(pending, BATCH);
        pending.forEach(RequestLogLine::log);
        return taken;
    }

    /** Writes the pending batch; false when the database failed and the batch waits for another try. */
    private boolean write() {
        try {
            int refused = inserts.insert(pending);
            if (refused > 0) {
                drops.dropped(refused);
            }
        } catch (SQLException e) {
            if (failedInARow++ == 0) {
                LOG.warning(() -> "writing the request log failed (" + Failures.describe(e) + "); records wait in"
                        + " memory, up to the queue's capacity, and are written when the database answers again");
            } else {
                LOG.log(Level.FINE, "writing the request log failed again", e);
            }
            return false;
        } catch (RuntimeException bug) {
            // Not the database's fault: trying the same batch again would fail the same way and hold up the rest.
            drops.dropped(pending.size());
            LOG.log(Level.SEVERE, "the request log gave up a batch of " + pending.size() + " records", bug);
            pending.clear();
            return true;
        }
        if (failedInARow > 0) {
            int failed = failedInARow;
            failedInARow = 0;
            LOG.info(() -> "the request log is written again after " + failed + " failed attempts");
        }
        return true;
    }

    private void purgeChunk(long now) {
        if (!retention.enabled()) {
            nextPurgeNanos = now + PURGE_EVERY_NANOS;
            return;
        }
        try {
            boolean more = retention.purgeChunk(Instant.now());
            nextPurgeNanos = more ? now : now + PURGE_EVERY_NANOS;
            purgeFailing = false;
        } catch (SQLException | RuntimeException e) {
            if (!purgeFailing) {
                LOG.warning(() -> "deleting expired request log rows failed (" + Failures.describe(e) + "); tried"
                        + " again in five minutes");
            }
            purgeFailing = true;
            nextPurgeNanos = now + PURGE_RETRY_NANOS;
        }
    }
}
