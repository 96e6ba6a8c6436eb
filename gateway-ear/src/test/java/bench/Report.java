package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a Markdown table (for docs/PERFORMANCE.md) and as CSV, one line per run. */
final class Report {
    private Report() {
    }

    static String markdown(List<Pair> pairs) {
        StringBuilder out = new StringBuilder();
        out.append("| offered req/s | upstream delay | achieved req/s (direct / gateway) | errors (direct / gateway)"
                + " | direct p50 | direct p99 | gateway p50 | gateway p99 | added p50 | added p99 | saturated |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Pair pair : pairs) {
            RunResult d = pair.direct();
            RunResult g = pair.gateway();
            out.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f / %,.0f | %d / %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    pair.rate(), g.delayMs() == 0 ? "0" : g.delayMs() + " ms", d.achieved(), g.achieved(),
                    d.errors(), g.errors(), time(d.p50()), time(d.p99()), time(g.p50()), time(g.p99()),
                    signed(pair.addedP50()), signed(pair.addedP99()),
                    g.saturated() ? "gateway" + (d.saturated() ? " + direct" : "") : d.saturated() ? "direct" : "no"));
        }
        return out.toString();
    }

    static void write(Path dir, List<Pair> pairs, String notes) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), markdown(pairs) + "\n" + notes, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("target,rate,delay_ms,measured,ok,errors,achieved,p50_us,p90_us,"
                + "p99_us,p999_us,max_us,saturated,failures\n");
        for (Pair pair : pairs) {
            for (RunResult r : List.of(pair.direct(), pair.gateway())) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%s,\"%s\"%n",
                        r.target(), r.rate(), r.delayMs(), r.measured(), r.ok(), r.errors(), r.achieved(),
                        r.p50() / 1e3, r.p90() / 1e3, r.p99() / 1e3, r.p999() / 1e3, r.max() / 1e3,
                        r.saturated(), r.failureKinds()));
            }
        }
        Files.writeString(dir.resolve("results.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    /** Microseconds below 10 ms, milliseconds above. */
    static String time(long nanos) {
        return Math.abs(nanos) < 10_000_000L ? String.format(Locale.ROOT, "%,d µs", Math.round(nanos / 1e3))
                : String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }

    static String signed(long nanos) {
        return (nanos >= 0 ? "+" : "−") + time(Math.abs(nanos));
    }
}
