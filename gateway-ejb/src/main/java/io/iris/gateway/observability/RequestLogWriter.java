package io.iris.gateway.observability;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The request log's entrance (API.md §5, {@code GET /api/logs}): the proxy hands over each finished request's
 * record, after its client has the answer, and one background thread ({@link RequestLogDrain}) writes the records
 * to {@code request_logs} in batches and deletes rows past the retention period. Handing over never blocks and
 * takes no lock shared by requests; when the queue is full the record is dropped and counted in
 * {@code iris_request_log_dropped_total}, because a request log must never slow down or fail the data plane.
 * Records still queued at shutdown are written then. {@link RequestLogStartup} starts it with the application.
 *
 * <p>MP Config: {@code iris.request-log.queue-capacity} (records waiting, default 20000),
 * {@code iris.request-log.retention-days} (default 30; 0 keeps rows forever),
 * {@code iris.request-log.max-body-bytes} (a logged request body is cut to this, default 65536, at most 1000000),
 * {@code iris.request-log.queue-body-bytes} (bytes of bodies waiting in all, default 64 MiB; past that a record
 * waits without its body), {@code iris.request-log.idle-priority} (default true: on Linux the thread runs in the
 * SCHED_IDLE class, so that it never holds up a request thread on a busy core; when the cores are busy for long the
 * queue fills and records are dropped, and counted, rather than requests delayed). Thread-safe.
 */
@ApplicationScoped
public class RequestLogWriter {
    static final String DROPPED = "iris_request_log_dropped";
    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());
    private static final long SHUTDOWN_WAIT_MS = 5_000;

    @Inject
    @ConfigProperty(name = "iris.request-log.queue-capacity", defaultValue = "20000")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "iris.request-log.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "iris.request-log.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "iris.request-log.queue-body-bytes", defaultValue = "67108864")
    long queueBodyBytes;

    @Inject
    @ConfigProperty(name = "iris.request-log.idle-priority", defaultValue = "true")
    boolean idlePriority;

    @Inject
    MetricRegistry metrics;

    @Resource(lookup = "jdbc/iris")
    DataSource dataSource;

    private RequestLogQueue queue;
    private RequestLogDrops drops;
    private RequestLogDrain drain;
    private volatile Thread thread;

    @PostConstruct
    void init() {
        queue = new RequestLogQueue(Math.max(1, queueCapacity),
                Math.max(0, Math.min(maxBodyBytes, RequestLogColumns.MAX_TEXT)), Math.max(0, queueBodyBytes));
        drops = new RequestLogDrops(metrics.counter(Metadata.builder().withName(DROPPED)
                .withDescription("Request records not written to the request log: its queue was full, or the"
                        + " database refused their values")
                .build()));
        drain = new RequestLogDrain(queue, new RequestLogInserts(dataSource),
                new RequestLogRetention(dataSource, retentionDays), drops);
    }

    /** Starts the background thread; once the schema is migrated. Idempotent. */
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::drainAtItsPriority, "iris-request-log");
            thread.setDaemon(true);
            thread.start();
            LOG.info(() -> "request log started: queue of " + queueCapacity + " records, rows kept "
                    + (retentionDays > 0 ? retentionDays + " days" : "forever"));
        }
    }

    private void drainAtItsPriority() {
        if (idlePriority) {
            boolean idle = IdleCpuPriority.applyToCurrentThread();
            LOG.info(() -> idle ? "the request log's thread runs at idle CPU priority (SCHED_IDLE)"
                    : "the request log's thread keeps its CPU priority (SCHED_IDLE not available here)");
        }
        drain.run();
    }

    /**
     * Queues one finished request for the log. Never blocks: when the queue is full the record is dropped and
     * counted. Called on request threads, after the client has its answer.
     */
    public void enqueue(RequestRecord record) {
        int waiting = queue.offer(record);
        if (waiting == 0) {
            drops.dropped(1);
        } else if (waiting == RequestLogDrain.BATCH) {
            Thread drainer = thread;
            if (drainer != null) {
                LockSupport.unpark(drainer);
            }
        }
    }

    /** Stops the thread, then writes what still waits. */
    @PreDestroy
    synchronized void stop() {
        if (thread == null) {
            return;
        }
        drain.stop();
        LockSupport.unpark(thread);
        try {
            thread.join(SHUTDOWN_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning("the request log's thread did not end in time; records still queued are not written");
        } else {
            drain.flush();
        }
        thread = null;
    }
}
