package bench;

import it.support.ServerJmx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The gateway benchmark (docs/PERFORMANCE.md): open-loop fixed-rate load straight against a fast mock upstream
 * and through a running gateway, at each configured rate, then a run with a slow upstream, then a search for
 * the rate where the gateway saturates. Needs a gateway already running (the script
 * {@code src/test/bench/run-bench.sh} starts one pinned to a core); starts its own mock. Configured with system
 * properties {@code bench.*} (see {@link #main}); prints each run as it ends and writes
 * {@code results.md}/{@code results.csv} under {@code bench.out}.
 */
public final class Bench {
    private static final String RECORDS_SWITCH = "io.iris.gateway:type=RequestRecords";
    private final Settings settings;
    private final LoadGenerator load;
    private final List<Pair> table = new ArrayList<>();
    private Target gatewayFast;
    private Target directFast;
    private Target gatewaySlow;
    private Target directSlow;
    /** The same path through a second gateway of another build (compare mode with {@code bench.baseline}). */
    private Target baselineFast;

    private Bench(Settings settings, LoadGenerator load) {
        this.settings = settings;
        this.load = load;
    }

    /**
     * Properties: {@code bench.gateway} (base URL, default http://127.0.0.1:9090), {@code bench.serverDir} (for
     * the admin token), {@code bench.rates} (500,1000,2000,5000), {@code bench.warmup} and {@code bench.measure}
     * (seconds per run, 10 and 20), {@code bench.initialWarmup} (seconds of ramped warm-up per path before the table, 120),
     * {@code bench.delayMs}/{@code bench.delayRate} (the slow-upstream run, 1000 ms at 1,000 req/s),
     * {@code bench.search} (true), {@code bench.searchMax} (20000), {@code bench.mode} (full; governance: governance off
     * against on at {@code bench.loadRate}, three alternated pairs; or load: one run against
     * {@code bench.loadTarget}, gateway or direct, at {@code bench.loadRate} for {@code bench.loadSeconds}, for
     * profiling; or compare: straight, through {@code bench.reference} (a reference proxy's base URL, optional) and
     * through the gateway at {@code bench.loadRate}, three alternated rounds, and through {@code bench.baseline} (a
     * second gateway's base URL, optional; its admin token under {@code bench.baselineServerDir}); or records: request records on against
     * off at {@code bench.loadRate}, {@code bench.pairs} (4) pairs), {@code bench.mockPort} (0: a free
     * port), {@code bench.out}.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        System.out.println("bench: " + settings);
        System.out.printf(Locale.ROOT, "bench: generator JVM %s, %d processor(s) visible%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (MockUpstream mock = MockUpstream.start(settings.mockThreads(), settings.mockPort())) {
            LoadGenerator load = new LoadGenerator(settings.clientThreads(), settings.maxConnections());
            Bench bench = new Bench(settings, load);
            bench.setUp(mock);
            if (settings.mode().equals("governance")) {
                bench.governanceOnOff(setup(mock, settings));
            } else if (settings.mode().equals("records")) {
                bench.recordsOnOff();
            } else if (settings.mode().equals("compare")) {
                bench.compare(mock);
            } else if (settings.mode().equals("load")) {
                Target target = settings.loadTarget().equals("direct") ? bench.directFast : bench.gatewayFast;
                RunResult run = load.run(target, settings.loadRate(), settings.warmup(), settings.loadSeconds(), 0);
                System.out.println(run.line());
            } else {
                bench.full();
            }
            System.out.println("bench: the mock served " + mock.served() + " requests");
        }
        // HttpClient5 and the JDK client leave non-daemon threads behind on some paths; the work is done.
        System.exit(0);
    }

    private void setUp(MockUpstream mock) throws Exception {
        GatewaySetup setup = new GatewaySetup(settings.gateway(), settings.serverDir());
        setup.awaitReady(Duration.ofSeconds(180));
        String fast = setup.provider("fast", mock.openAiBaseUrl(0));
        String slow = setup.provider("slow", mock.openAiBaseUrl(settings.delayMs()));
        String virtualKey = setup.virtualKey();
        URI gatewayChat = URI.create(settings.gateway() + "/v1/chat/completions");
        gatewayFast = new Target("gateway", gatewayChat, virtualKey, Target.chatBody(fast + "/" + MockUpstream.MODEL));
        gatewaySlow = new Target("gateway", gatewayChat, virtualKey, Target.chatBody(slow + "/" + MockUpstream.MODEL));
        directFast = new Target("direct", URI.create(mock.openAiBaseUrl(0) + "/chat/completions"), "sk-direct",
                Target.chatBody(MockUpstream.MODEL));
        directSlow = new Target("direct", URI.create(mock.openAiBaseUrl(settings.delayMs()) + "/chat/completions"),
                "sk-direct", Target.chatBody(MockUpstream.MODEL));
        setup.check(directFast);
        setup.check(gatewayFast);
        if (!settings.baseline().isEmpty()) {
            GatewaySetup baseline = new GatewaySetup(settings.baseline(), settings.baselineServerDir());
            baseline.awaitReady(Duration.ofSeconds(180));
            String provider = baseline.provider("fast", mock.openAiBaseUrl(0));
            baselineFast = new Target("baseline", URI.create(settings.baseline() + "/v1/chat/completions"),
                    baseline.virtualKey(), Target.chatBody(provider + "/" + MockUpstream.MODEL));
            baseline.check(baselineFast);
            System.out.println("bench: baseline gateway " + settings.baseline() + " -> provider " + provider);
        }
        System.out.println("bench: gateway " + settings.gateway() + " -> provider " + fast + " -> mock "
                + mock.openAiBaseUrl(0));
    }

    /** The governed path, set up on the same fast provider as {@link #gatewayFast}. */
    private static Target setup(MockUpstream mock, Settings settings) throws Exception {
        GatewaySetup setup = new GatewaySetup(settings.gateway(), settings.serverDir());
        String provider = setup.provider("governed", mock.openAiBaseUrl(0));
        String key = setup.governedVirtualKey(provider);
        Target governed = new Target("gov-on", URI.create(settings.gateway() + "/v1/chat/completions"), key,
                Target.chatBody(provider + "/" + MockUpstream.MODEL));
        setup.check(governed);
        return governed;
    }

    /**
     * Governance off (a key without budgets or limits) against on (a key with a budget, a request and a token limit,
     * and a priced model) at {@code bench.loadRate}, alternated three times after a ramped warm-up of both, so that
     * drift on the machine falls on both sides. Prints every run and the medians of their p50s.
     */
    private void governanceOnOff(Target governed) throws Exception {
        rampUp(List.of(gatewayFast, governed));
        List<Long> off = new ArrayList<>();
        List<Long> on = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            RunResult without = load.run(gatewayFast, settings.loadRate(), settings.warmup(), settings.measure(), 0);
            System.out.println("gov-off " + without.line());
            pause();
            RunResult with = load.run(governed, settings.loadRate(), settings.warmup(), settings.measure(), 0);
            System.out.println("gov-on  " + with.line());
            pause();
            off.add(without.p50());
            on.add(with.p50());
        }
        off.sort(null);
        on.sort(null);
        System.out.printf(Locale.ROOT, "governance at %d req/s: median p50 off %d µs, on %d µs, difference %+d µs%n",
                settings.loadRate(), off.get(1) / 1000, on.get(1) / 1000, (on.get(1) - off.get(1)) / 1000);
    }

    /**
     * The same load, alternated three times, straight at the mock, through a reference proxy (when
     * {@code bench.reference} names one, for example nginx pinned to the gateway's core) and through the gateway,
     * after a ramped warm-up of each. The reference shows what any proxy adds on this machine: two more loopback
     * hops and the wake-ups of an idle core, which no gateway code can remove. With {@code bench.baseline} (a
     * second gateway of another build, on the same core) it is run too, its turn and the gateway's swapped every
     * round, so that a before/after comparison of two builds comes from one run. Prints the medians.
     */
    private void compare(MockUpstream mock) throws InterruptedException {
        List<Target> targets = new ArrayList<>(List.of(directFast));
        if (!settings.reference().isEmpty()) {
            targets.add(new Target("reference", URI.create(settings.reference() + "/v1/chat/completions"),
                    "sk-direct", Target.chatBody(MockUpstream.MODEL)));
        }
        if (baselineFast != null) {
            targets.add(baselineFast);
        }
        targets.add(gatewayFast);
        rampUp(targets);
        List<List<RunResult>> runs = new ArrayList<>();
        targets.forEach(t -> runs.add(new ArrayList<>()));
        for (int round = 0; round < 3; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                order.add(i);
            }
            if (baselineFast != null && round % 2 == 1) {
                java.util.Collections.swap(order, order.size() - 1, order.size() - 2);
            }
            for (int i : order) {
                Target target = targets.get(i);
                String server = target == gatewayFast ? settings.gateway()
                        : target == baselineFast ? settings.baseline() : null;
                OverheadMetric.Reading before = server != null ? OverheadMetric.read(server) : null;
                RunResult run = load.run(target, settings.loadRate(), settings.warmup(), settings.measure(), 0);
                System.out.println(run.line() + (server != null
                        ? "; " + OverheadMetric.describe(before, OverheadMetric.read(server)) : ""));
                runs.get(i).add(run);
                pause();
            }
        }
        long directP50 = median(runs.get(0), RunResult::p50);
        long directP99 = median(runs.get(0), RunResult::p99);
        for (int i = 0; i < targets.size(); i++) {
            long p50 = median(runs.get(i), RunResult::p50);
            long p99 = median(runs.get(i), RunResult::p99);
            System.out.printf(Locale.ROOT, "compare at %d req/s: %-9s median p50 %d µs (%+d µs), median p99 %d µs (%+d µs)%n",
                    settings.loadRate(), targets.get(i).name(), p50 / 1000, (p50 - directP50) / 1000, p99 / 1000,
                    (p99 - directP99) / 1000);
        }
    }

    /**
     * Request records (metrics and request log) on against off in one server, switched through JMX between runs at
     * {@code bench.loadRate}, {@code bench.pairs} pairs after a ramped warm-up, the order swapped every pair so that
     * drift on the machine falls on both sides. Prints every run, the medians and the median of the pairs'
     * differences; leaves records on.
     */
    private void recordsOnOff() throws InterruptedException {
        rampUp(List.of(gatewayFast));
        List<RunResult> on = new ArrayList<>();
        List<RunResult> off = new ArrayList<>();
        List<Long> p50Differences = new ArrayList<>();
        try (ServerJmx jmx = ServerJmx.connect(settings.serverDir())) {
            for (int pair = 0; pair < settings.pairs(); pair++) {
                boolean onFirst = pair % 2 == 0;
                RunResult first = recordsRun(jmx, onFirst);
                RunResult second = recordsRun(jmx, !onFirst);
                RunResult with = onFirst ? first : second;
                RunResult without = onFirst ? second : first;
                on.add(with);
                off.add(without);
                p50Differences.add(with.p50() - without.p50());
            }
            jmx.set(RECORDS_SWITCH, "Enabled", true);
        }
        long[] differences = p50Differences.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "records at %d req/s, %d pairs: median p50 on %d µs, off %d µs; p50 on − off"
                        + " per pair %s µs, median %+d µs; median p99 on %d µs, off %d µs%n",
                settings.loadRate(), settings.pairs(), median(on, RunResult::p50) / 1000,
                median(off, RunResult::p50) / 1000,
                Arrays.toString(p50Differences.stream().mapToLong(d -> d / 1000).toArray()),
                differences[differences.length / 2] / 1000, median(on, RunResult::p99) / 1000,
                median(off, RunResult::p99) / 1000);
    }

    private RunResult recordsRun(ServerJmx jmx, boolean enabled) throws InterruptedException {
        jmx.set(RECORDS_SWITCH, "Enabled", enabled);
        OverheadMetric.Reading before = OverheadMetric.read(settings.gateway());
        RunResult run = load.run(gatewayFast, settings.loadRate(), settings.warmup(), settings.measure(), 0);
        System.out.println((enabled ? "records-on  " : "records-off ") + run.line() + (enabled
                ? "; " + OverheadMetric.describe(before, OverheadMetric.read(settings.gateway())) : ""));
        pause();
        return run;
    }

    /** Warms each target up at rising rates, {@code bench.initialWarmup} seconds shared among them. */
    private void rampUp(List<Target> targets) throws InterruptedException {
        int[] ramp = {200, 500, 1000, 2000, 3000};
        int step = Math.max(1, settings.initialWarmup() / ramp.length / targets.size());
        for (Target target : targets) {
            for (int rate : ramp) {
                System.out.println("  (warm-up) " + load.run(target, rate, 0, step, 0).line());
            }
        }
    }

    private static long median(List<RunResult> runs, java.util.function.ToLongFunction<RunResult> value) {
        long[] values = runs.stream().mapToLong(value).sorted().toArray();
        return values[values.length / 2];
    }

    private void full() throws Exception {
        if (settings.initialWarmup() > 0) {
            // Ramped: a cold JVM on one core offered 2,000 req/s at once is still interpreting when the requests
            // pile up, and the first runs would measure that backlog instead. Up to the highest rate of the table:
            // on one core the JIT compiler competes with the requests, and a warm-up that stops short leaves it
            // compiling during the first measured run (seen as a 0.5 s p99 at 1,000 req/s).
            int[] ramp = {200, 500, 1000, 2000, 3000, 5000};
            int step = Math.max(1, settings.initialWarmup() / ramp.length);
            System.out.println("bench: warming both paths up, " + step + " s each at " + Arrays.toString(ramp)
                    + " req/s");
            for (Target target : List.of(directFast, gatewayFast)) {
                for (int rate : ramp) {
                    System.out.println("  (warm-up) " + load.run(target, rate, 0, step, 0).line());
                }
            }
        }
        // The slow-upstream run goes before the first rate above twice its own, so that it meets a gateway that
        // has not just been pushed past saturation.
        boolean delayDone = settings.delayMs() <= 0;
        for (int rate : settings.rates()) {
            if (!delayDone && rate > 2 * settings.delayRate()) {
                table.add(pair(settings.delayRate(), settings.delayMs()));
                delayDone = true;
            }
            table.add(pair(rate, 0));
        }
        if (!delayDone) {
            table.add(pair(settings.delayRate(), settings.delayMs()));
        }
        String saturation = settings.search() ? searchSaturation() : "not searched";
        String notes = "Saturation: " + saturation + "\n";
        table.sort(java.util.Comparator.comparingInt((Pair p) -> p.gateway().delayMs()).thenComparingInt(Pair::rate));
        System.out.println();
        System.out.println(Report.markdown(table));
        System.out.println(notes);
        Report.write(settings.out(), table, notes);
        System.out.println("bench: results in " + settings.out().toAbsolutePath());
    }

    private Pair pair(int rate, int delayMs) throws InterruptedException {
        Target direct = delayMs == 0 ? directFast : directSlow;
        Target gateway = delayMs == 0 ? gatewayFast : gatewaySlow;
        RunResult directRun = load.run(direct, rate, settings.warmup(), settings.measure(), delayMs);
        System.out.println(directRun.line());
        pause();
        OverheadMetric.Reading before = OverheadMetric.read(settings.gateway());
        RunResult gatewayRun = load.run(gateway, rate, settings.warmup(), settings.measure(), delayMs);
        OverheadMetric.Reading after = OverheadMetric.read(settings.gateway());
        System.out.println(gatewayRun.line());
        pause();
        Pair pair = new Pair(directRun, gatewayRun);
        System.out.printf(Locale.ROOT, "  => added p50 %s, added p99 %s; %s%n", Report.signed(pair.addedP50()),
                Report.signed(pair.addedP99()), OverheadMetric.describe(before, after));
        return pair;
    }

    /**
     * Steps the rate up from the highest one the gateway held (x1.5) until it saturates, then halves the gap a
     * few times. Stops when the direct run saturates too: then the load generator's core is the limit and the
     * gateway's cannot be measured above it. At most seven extra rates.
     */
    private String searchSaturation() throws InterruptedException {
        int held = 0;
        int failed = Integer.MAX_VALUE;
        for (Pair pair : table) {
            if (pair.gateway().delayMs() > 0) {
                continue;
            }
            if (!pair.gateway().saturated()) {
                held = Math.max(held, pair.rate());
            } else {
                failed = Math.min(failed, pair.rate());
            }
        }
        if (failed < held) {
            return "not monotonic: held " + held + " req/s but saturated at " + failed + " req/s; see the table";
        }
        int points = 0;
        while (failed == Integer.MAX_VALUE && points < 4) {
            int next = roundTo(Math.max(held * 3 / 2, held + 1000), 500);
            if (next > settings.searchMax()) {
                return "not reached: the gateway held " + held + " req/s, the search stops at "
                        + settings.searchMax();
            }
            Pair pair = pair(next, 0);
            table.add(pair);
            points++;
            if (pair.direct().saturated()) {
                return "not found: at " + next + " req/s the direct run saturated too, so the load generator's core"
                        + " is the limit; the gateway held " + held + " req/s";
            }
            if (pair.gateway().saturated()) {
                failed = next;
            } else {
                held = next;
            }
        }
        while (failed != Integer.MAX_VALUE && points < 7 && failed - held > Math.max(250, held / 10)) {
            int mid = roundTo((held + failed) / 2, 100);
            Pair pair = pair(mid, 0);
            table.add(pair);
            points++;
            if (pair.gateway().saturated() && !pair.direct().saturated()) {
                failed = mid;
            } else if (!pair.gateway().saturated()) {
                held = mid;
            } else {
                break;
            }
        }
        return failed == Integer.MAX_VALUE ? "not reached: the gateway held " + held + " req/s"
                : "the gateway held " + held + " req/s and saturated at " + failed + " req/s";
    }

    private static int roundTo(int value, int step) {
        return Math.max(step, Math.round((float) value / step) * step);
    }

    private static void pause() throws InterruptedException {
        TimeUnit.SECONDS.sleep(2);
    }

    /** The benchmark's knobs, from system properties. */
    record Settings(String gateway, Path serverDir, int[] rates, int warmup, int measure, int initialWarmup,
                    int delayMs, int delayRate, boolean search, int searchMax, String mode, String loadTarget, int loadRate,
                    int loadSeconds, int clientThreads, int mockThreads, int maxConnections, int mockPort, String reference, int pairs, Path out,
                    String baseline, Path baselineServerDir) {
        static Settings fromSystemProperties() {
            return new Settings(
                    System.getProperty("bench.gateway", "http://127.0.0.1:9090"),
                    Path.of(System.getProperty("bench.serverDir", "target/liberty/wlp/usr/servers/iris")),
                    Arrays.stream(System.getProperty("bench.rates", "500,1000,2000,5000").split(","))
                            .map(String::strip).mapToInt(Integer::parseInt).toArray(),
                    Integer.getInteger("bench.warmup", 10),
                    Integer.getInteger("bench.measure", 20),
                    Integer.getInteger("bench.initialWarmup", 40),
                    Integer.getInteger("bench.delayMs", 1000),
                    Integer.getInteger("bench.delayRate", 1000),
                    Boolean.parseBoolean(System.getProperty("bench.search", "true")),
                    Integer.getInteger("bench.searchMax", 20_000),
                    System.getProperty("bench.mode", "full"),
                    System.getProperty("bench.loadTarget", "gateway"),
                    Integer.getInteger("bench.loadRate", 1000),
                    Integer.getInteger("bench.loadSeconds", 30),
                    Integer.getInteger("bench.clientThreads", 1),
                    Integer.getInteger("bench.mockThreads", 1),
                    Integer.getInteger("bench.maxConnections", 5000),
                    Integer.getInteger("bench.mockPort", 0),
                    System.getProperty("bench.reference", ""),
                    Integer.getInteger("bench.pairs", 4),
                    Path.of(System.getProperty("bench.out", "target/bench")),
                    System.getProperty("bench.baseline", ""),
                    Path.of(System.getProperty("bench.baselineServerDir", "")));
        }

        @Override
        public String toString() {
            return "gateway=" + gateway + " rates=" + Arrays.toString(rates) + " warmup=" + warmup + "s measure="
                    + measure + "s initialWarmup=" + initialWarmup + "s delay=" + delayMs + "ms@" + delayRate
                    + " search=" + search + " mode=" + mode + " clientThreads=" + clientThreads + " mockThreads="
                    + mockThreads + " maxConnections=" + maxConnections;
        }
    }
}
