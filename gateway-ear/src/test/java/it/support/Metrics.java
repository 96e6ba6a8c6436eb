package it.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the server's {@code /metrics} (Prometheus text): sums of series by name and a subset of labels. */
public final class Metrics {
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {
    }

    /** The scrape as text. */
    public static String scrape() {
        Gateway.Reply reply = Gateway.send("GET", "/metrics", null, null, null);
        if (reply.status() != 200) {
            throw new IllegalStateException("/metrics answered " + reply.status());
        }
        return reply.body();
    }

    /** The sum over the series named {@code name} whose labels include {@code labels}; 0 when none. */
    public static double sum(String scrape, String name, Map<String, String> labels) {
        return series(scrape, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Waits (up to 5 s) until a series named {@code name} with {@code labels} exists; whether it does. */
    public static boolean awaitSeries(String name, Map<String, String> labels) {
        for (int i = 0; i < 50; i++) {
            if (!series(scrape(), name, labels).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static List<Double> series(String scrape, String name, Map<String, String> labels) {
        List<Double> values = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            Matcher series = SERIES.matcher(line.strip());
            if (line.startsWith("#") || !series.matches() || !series.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            if (series.group(3) != null) {
                Matcher label = LABEL.matcher(series.group(3));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                values.add(Double.parseDouble(series.group(4)));
            }
        }
        return values;
    }

    public static double sum(String name, Map<String, String> labels) {
        return sum(scrape(), name, labels);
    }

    /**
     * Waits (up to 5 s) until the sum reaches {@code atLeast}: metrics are recorded once the client has its
     * answer, so a scrape right after a response may come a moment early. Returns the last sum read.
     */
    public static double await(String name, Map<String, String> labels, double atLeast) {
        double value = 0;
        for (int i = 0; i < 50; i++) {
            value = sum(name, labels);
            if (value >= atLeast) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        }
        return value;
    }
}
