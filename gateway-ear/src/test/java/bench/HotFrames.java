package bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of the gateway under load and prints where its CPU time goes: the hottest methods by
 * self samples (top frame) and by inclusive samples (anywhere on the stack), the share per code owner
 * (gateway, HttpClient5, Liberty, JDK), the gateway's own methods by inclusive samples, CPU per thread group,
 * garbage-collection pauses, the heaviest allocation sites, and, for each {@code focus} substring, the
 * commonest caller chains of the matching frames. Usage:
 * {@code java -cp target/test-classes bench.HotFrames recording.jfr [top] [focus,focus,...]}.
 */
public final class HotFrames {
    private HotFrames() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        List<String> focus = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        Map<String, Map<String, Integer>> callers = new HashMap<>();
        Map<String, Double> threads = new HashMap<>();
        Map<String, Integer> periodsPerThread = new HashMap<>();
        double[] process = new double[3];
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        int samples = 0;
        int gcCount = 0;
        Duration gcPause = Duration.ZERO;
        Duration longestGc = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                List<RecordedFrame> frames = frames(event.getStackTrace());
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                String topMethod = name(frames.get(0));
                self.merge(topMethod, 1, Integer::sum);
                owners.merge(owner(topMethod), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (seen.add(name(frame))) {
                        inclusive.merge(name(frame), 1, Integer::sum);
                    }
                }
                for (String wanted : focus) {
                    chain(frames, wanted).ifPresent(c -> callers.computeIfAbsent(wanted, k -> new HashMap<>())
                            .merge(c, 1, Integer::sum));
                }
            } else if (type.equals("jdk.ThreadCPULoad")) {
                String thread = event.getThread("eventThread").getJavaName();
                threads.merge(group(thread), (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                periodsPerThread.merge(thread == null ? "?" : thread, 1, Integer::sum);
            } else if (type.equals("jdk.CPULoad")) {
                process[0] += event.getFloat("jvmUser");
                process[1] += event.getFloat("jvmSystem");
                process[2]++;
            } else if (type.equals("jdk.GarbageCollection")) {
                gcCount++;
                gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                longestGc = max(longestGc, event.getDuration("longestPause"));
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                List<RecordedFrame> frames = frames(event.getStackTrace());
                String site = frames.isEmpty() ? "?" : firstOutsideJdk(frames) + " (" + event.getClass("objectClass")
                        .getName() + ")";
                allocations.merge(site, event.getLong("weight"), Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples; GC: %d collections, %d ms paused in total, longest %d ms%n",
                samples, gcCount, gcPause.toMillis(), longestGc.toMillis());
        if (process[2] > 0) {
            System.out.printf(Locale.ROOT, "JVM CPU (share of the whole machine): user %.1f%%, system %.1f%%%n",
                    100 * process[0] / process[2], 100 * process[1] / process[2]);
        }
        System.out.println();
        System.out.println("CPU by thread group (share of the whole machine, JFR ThreadCPULoad):");
        int periods = periodsPerThread.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        threads.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100 * e.getValue() / periods,
                        e.getKey()));
        print("CPU by code owner (self samples)", owners, samples, top);
        print("hottest methods, self (top frame)", self, samples, top);
        print("hottest methods, inclusive (anywhere on the stack)", inclusive, samples, top);
        Map<String, Integer> gateway = new HashMap<>();
        inclusive.forEach((method, count) -> {
            if (method.startsWith("io.iris.")) {
                gateway.put(method, count);
            }
        });
        print("gateway methods (io.iris), inclusive", gateway, samples, top);
        int total = samples;
        callers.forEach((wanted, chains) -> print("caller chains of '" + wanted + "'", chains, total, 6));
        printBytes("allocation sites (first frame outside the JDK), sampled bytes", allocations, top);
    }

    /** The matching frame and up to five of its callers, innermost first, or empty when no frame matches. */
    private static java.util.Optional<String> chain(List<RecordedFrame> frames, String wanted) {
        for (int i = 0; i < frames.size(); i++) {
            if (name(frames.get(i)).contains(wanted)) {
                StringBuilder chain = new StringBuilder();
                for (int j = i; j < Math.min(frames.size(), i + 6); j++) {
                    chain.append(j == i ? "" : "\n             <- ").append(name(frames.get(j)));
                }
                return java.util.Optional.of(chain.toString());
            }
        }
        return java.util.Optional.empty();
    }

    /** Thread names without their numbers, so a pool's threads add up. */
    static String group(String threadName) {
        return threadName == null ? "?" : threadName.replaceAll("[0-9]+", "N").replaceAll("[a-f]{8}-[a-fN-]+", "ID");
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String firstOutsideJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name;
            }
        }
        return name(frames.get(0));
    }

    static String owner(String method) {
        if (method.startsWith("io.iris.")) {
            return "gateway (io.iris)";
        }
        if (method.startsWith("org.apache.hc.")) {
            return "HttpClient5/HttpCore5 (org.apache.hc)";
        }
        if (method.startsWith("com.ibm.") || method.startsWith("io.openliberty.") || method.startsWith("org.jboss.")
                || method.startsWith("org.apache.cxf.") || method.startsWith("org.eclipse.") || method.startsWith("org.osgi.")
                || method.startsWith("io.smallrye.") || method.startsWith("org.apache.felix.")) {
            return "Liberty and its features (com.ibm, io.openliberty, cxf, weld, smallrye, ...)";
        }
        if (method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.")) {
            return "JDK (java, jdk, sun)";
        }
        return "other (" + (method.indexOf('.') > 0 ? method.substring(0, method.indexOf('.')) : method) + ")";
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total,
                        e.getValue(), e.getKey()));
    }

    private static void printBytes(String title, Map<String, Long> bytes, int top) {
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        System.out.println();
        System.out.println(title + ":");
        bytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getKey()));
    }
}
