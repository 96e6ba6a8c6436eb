package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The gateway's own account of its overhead, {@code iris_overhead_seconds} on {@code /metrics}, read before and
 * after a run so that its mean over that run can be set beside the added latency the load generator measured.
 */
final class OverheadMetric {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reading(double sumSeconds, double count) {
    }

    private OverheadMetric() {
    }

    /** Zero when the metric is not there (request records switched off) or /metrics cannot be read. */
    static Reading read(String gateway) {
        try {
            String scrape = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new Reading(value(scrape, "iris_overhead_seconds_sum"), value(scrape, "iris_overhead_seconds_count"));
        } catch (Exception e) {
            return new Reading(0, 0);
        }
    }

    static String describe(Reading before, Reading after) {
        double count = after.count() - before.count();
        if (count <= 0) {
            return "overhead metric: n/a";
        }
        return String.format(Locale.ROOT, "overhead metric mean %.1f µs over %.0f requests",
                (after.sumSeconds() - before.sumSeconds()) / count * 1e6, count);
    }

    private static double value(String scrape, String name) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
