package io.iris.gateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The data plane's metrics (API.md §5), from each finished request's {@link RequestRecord}: requests, request,
 * upstream and gateway-overhead durations, tokens, cost, fallbacks, retries and rule decisions, labelled with
 * provider, model, virtual key, team, rule and status where they apply. Label values come from configuration
 * (names of providers, virtual keys, teams and rules) or are bounded by a {@link LabelGuard}; a request that did
 * not resolve is labelled {@code none}. Metric handles are looked up once per label combination and kept, so a
 * request costs map lookups and the updates themselves, with no lock shared between requests.
 */
@ApplicationScoped
public class RequestMetrics {
    static final String NONE = "none";
    private static final String[] STATUSES = IntStream.range(100, 600).mapToObj(Integer::toString)
            .toArray(String[]::new);

    @Inject
    MetricRegistry registry;

    private final LabelGuard models = new LabelGuard(500);
    private final LabelGuard callers = new LabelGuard(5_000);
    private final Map<Labels, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Labels, Counter> inputTokens = new ConcurrentHashMap<>();
    private final Map<Labels, Counter> outputTokens = new ConcurrentHashMap<>();
    private final Map<Labels, CostGauge> cost = new ConcurrentHashMap<>();
    private final Map<Labels, Timer> durations = new ConcurrentHashMap<>();
    private final Map<Labels, Timer> upstreamDurations = new ConcurrentHashMap<>();
    private final Map<Labels, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<Labels, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> ruleDecisions = new ConcurrentHashMap<>();
    private volatile Timer overhead;

    /** The labels of one series; unused ones are null. */
    private record Labels(String provider, String model, String virtualKey, String team, String rule,
                          String status) {
        Tag[] tags() {
            return Stream.of(tag("provider", provider), tag("model", model),
                    tag("virtual_key", virtualKey), tag("team", team), tag("rule", rule), tag("status", status))
                    .filter(Objects::nonNull).toArray(Tag[]::new);
        }

        private static Tag tag(String name, String value) {
            return value == null ? null : new Tag(name, value);
        }
    }

    public void record(RequestRecord record) {
        String provider = record.provider().isEmpty() ? NONE : record.provider();
        String model = record.model().isEmpty() ? NONE : model(record.provider(), record.model());
        String virtualKey = name(record.caller().virtualKeyName());
        String team = name(record.caller().teamName());
        String rule = record.rule().orElse(NONE);
        Labels full = new Labels(provider, model, virtualKey, team, rule, status(record.status()));
        counter(requests, full, "iris_requests", "Client requests on the data plane").inc();
        Labels target = new Labels(provider, model, null, null, null, null);
        timer(durations, target, "iris_request_duration", "Request duration, arrival to last byte")
                .update(Duration.ofNanos(record.latencyNanos()));
        if (!record.attempts().isEmpty()) {
            timer(upstreamDurations, target, "iris_upstream_duration",
                    "Time spent on upstream calls per request, all attempts")
                    .update(Duration.ofNanos(record.upstreamNanos()));
        }
        overheadTimer().update(Duration.ofNanos(record.overheadNanos()));
        Labels spender = new Labels(provider, model, virtualKey, team, null, null);
        if (record.promptTokens() > 0) {
            counter(inputTokens, spender, "iris_tokens", "Tokens", "direction", "input")
                    .inc(record.promptTokens());
        }
        if (record.completionTokens() > 0) {
            counter(outputTokens, spender, "iris_tokens", "Tokens", "direction", "output")
                    .inc(record.completionTokens());
        }
        if (record.costMicros() > 0) {
            cost.computeIfAbsent(spender, this::costGauge).add(record.costMicros());
        }
        countRetriesAndFallbacks(record);
        record.trace().steps().forEach(step -> step.decidedBy().ifPresent(name -> ruleDecisions
                .computeIfAbsent(name, r -> registry.counter(metadata("iris_rule_decisions",
                        "Routing decisions by deciding rule"), new Tag("rule", r))).inc()));
    }

    /** A retry is an attempt on the same target as the one before it; a fallback is a move to the next target. */
    private void countRetriesAndFallbacks(RequestRecord record) {
        RequestRecord.Attempt previous = null;
        for (RequestRecord.Attempt attempt : record.attempts()) {
            if (previous != null) {
                Labels from = new Labels(previous.provider(), model(previous.provider(), previous.model()), null,
                        null, null, null);
                if (attempt.fallbackIndex() == previous.fallbackIndex()) {
                    counter(retries, from, "iris_retries", "Upstream retries on the same target").inc();
                } else {
                    counter(fallbacks, from, "iris_fallbacks", "Moves from a failed target to the next one").inc();
                }
            }
            previous = attempt;
        }
        if (previous == null && record.fallbackIndex() > 0) {
            counter(fallbacks, new Labels(record.provider(), NONE, null, null, null, null), "iris_fallbacks",
                    "Moves from a failed target to the next one").inc(record.fallbackIndex());
        }
    }

    /** The model as a label: itself while fewer than the guard's capacity of provider/model pairs were seen. */
    private String model(String provider, String model) {
        return models.admit(provider + '/' + model).equals(LabelGuard.OTHER) ? LabelGuard.OTHER : model;
    }

    /** The status as a label; the same String each time for HTTP's range, so its hash is worked out once. */
    private static String status(int status) {
        return status >= 100 && status < 600 ? STATUSES[status - 100] : Integer.toString(status);
    }

    private String name(String configured) {
        return configured.isEmpty() ? NONE : callers.admit(configured);
    }

    private Counter counter(Map<Labels, Counter> cache, Labels labels, String name, String description,
                            String... extraTag) {
        Counter found = cache.get(labels);
        if (found != null) {
            return found;
        }
        return cache.computeIfAbsent(labels, l -> {
            Tag[] tags = l.tags();
            if (extraTag.length == 2) {
                tags = Arrays.copyOf(tags, tags.length + 1);
                tags[tags.length - 1] = new Tag(extraTag[0], extraTag[1]);
            }
            return registry.counter(metadata(name, description), tags);
        });
    }

    private Timer timer(Map<Labels, Timer> cache, Labels labels, String name, String description) {
        Timer found = cache.get(labels);
        return found != null ? found : cache.computeIfAbsent(labels, l -> registry.timer(
                Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.SECONDS)
                        .build(), l.tags()));
    }

    private Timer overheadTimer() {
        Timer timer = overhead;
        if (timer == null) {
            timer = registry.timer(Metadata.builder().withName("iris_overhead")
                    .withDescription("Time spent in the gateway itself per request: the whole latency less"
                            + " upstream calls and retry backoff")
                    .withUnit(MetricUnits.SECONDS).build());
            overhead = timer;
        }
        return timer;
    }

    private CostGauge costGauge(Labels labels) {
        CostGauge gauge = new CostGauge();
        registry.gauge(metadata("iris_cost_usd_total", "Cost of served requests in US dollars, from the pricing"
                + " table"), gauge, CostGauge::usd, labels.tags());
        return gauge;
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    /**
     * A running total of micro-dollars: MicroProfile counters take whole increments, and cost is fractional, so
     * the total is a gauge that only grows (named {@code _total} as Prometheus counters are).
     */
    static final class CostGauge {
        private final LongAdder micros = new LongAdder();

        void add(long costMicros) {
            micros.add(costMicros);
        }

        double usd() {
            return micros.sum() / 1_000_000.0;
        }
    }
}
