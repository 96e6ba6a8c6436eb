package io.iris.gateway.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Moves the calling thread to Linux's {@code SCHED_IDLE} class, where it runs only when no ordinary thread wants its
 * core: a request thread that wakes up takes the core at once instead of waiting out the background thread's time
 * slice. For the request log's thread, whose batches (database inserts on the embedded H2, the JSON lines) would
 * otherwise delay requests arriving meanwhile on a gateway with few cores (docs/PERFORMANCE.md). Java has no API for
 * it, so the thread finds its own id in {@code /proc/thread-self} and runs {@code chrt --idle} (util-linux) on it;
 * lowering one's own priority needs no privilege. Anywhere else (no /proc, no chrt) the thread keeps its priority.
 */
final class IdleCpuPriority {
    private static final long WAIT_SECONDS = 5;

    private IdleCpuPriority() {
    }

    /** Whether the calling thread now runs at idle priority. */
    static boolean applyToCurrentThread() {
        try {
            Path self = Path.of("/proc/thread-self");
            if (!Files.isSymbolicLink(self)) {
                return false;
            }
            String threadId = Files.readSymbolicLink(self).getFileName().toString();
            Process chrt = new ProcessBuilder("chrt", "--idle", "--pid", "0", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!chrt.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                chrt.destroyForcibly();
                return false;
            }
            return chrt.exitValue() == 0;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
