package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdleCpuPriorityTest {
    private static final int SCHED_IDLE = 5;

    @Test
    void applyToCurrentThread_linuxWithChrt_onlyThatThreadInTheIdleClass() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")) && onPath("chrt"), "Linux with util-linux");
        AtomicReference<Integer> policy = new AtomicReference<>();
        AtomicReference<Boolean> applied = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            applied.set(IdleCpuPriority.applyToCurrentThread());
            policy.set(policyOfCurrentThread());
        });
        thread.start();
        thread.join();

        assertTrue(applied.get());
        assertEquals(SCHED_IDLE, policy.get());
        assertEquals(0, policyOfCurrentThread(), "the calling test thread keeps SCHED_OTHER");
    }

    /** Field 41 of /proc/thread-self/stat, counting from 1; the fields after the command name start at 3. */
    private static int policyOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(afterName[41 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
