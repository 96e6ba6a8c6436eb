package io.iris.gateway.observability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;

/**
 * Records the request log gave up: counted in {@code iris_request_log_dropped} at once, from any thread and
 * without a lock, and reported in the server log at most once a minute, by the log's own thread (a request thread
 * never writes a log line for it), with how many were dropped since the last report. Thread-safe.
 */
final class RequestLogDrops {
    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Counter counter;
    private final AtomicLong unreported = new AtomicLong();
    /** Written by the reporting thread only. */
    private long lastReportNanos;
    private boolean reported;

    RequestLogDrops(Counter counter) {
        this.counter = counter;
    }

    void dropped(long count) {
        counter.inc(count);
        unreported.addAndGet(count);
    }

    /** Logs what was dropped since the last report, unless that report is less than a minute old. */
    void report(long nowNanos) {
        if (unreported.get() == 0 || reported && nowNanos - lastReportNanos < REPORT_EVERY_NANOS) {
            return;
        }
        long count = unreported.getAndSet(0);
        lastReportNanos = nowNanos;
        reported = true;
        LOG.warning(() -> "the request log dropped " + count + " records since its last report: its queue was full"
                + " (the database is slow or unreachable) or the database refused their values; they are counted in"
                + " iris_request_log_dropped_total");
    }
}
