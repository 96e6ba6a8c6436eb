package io.iris.gateway.proxy;

import io.iris.gateway.common.JsonStrings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The provider/model pairs met without a price, each reported once (a warning to add a price), at most
 * {@code capacity} of them: model names can come from callers (a provider serving {@code "*"}), so past the
 * capacity new pairs are only counted, and labelled {@value #OTHER} in metrics. Warnings quote names as JSON
 * strings cut to {@value #MAX_LOGGED_CHARS} characters, so nothing in a name can break or fake a log line. One per
 * server; thread-safe, without a lock shared by requests.
 */
final class UnpricedSightings {
    static final int CAPACITY = 1_000;
    static final String OTHER = "other";
    static final int MAX_LOGGED_CHARS = 100;

    private final int capacity;
    private final Consumer<String> warnings;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong untracked = new AtomicLong();

    /** @param warnings where the once-per-pair warning goes (a logger's {@code warning}) */
    UnpricedSightings(int capacity, Consumer<String> warnings) {
        this.capacity = capacity;
        this.warnings = warnings;
    }

    /** Notes that {@code model} at {@code provider} has no price; warns the first time, while there is room. */
    void sighted(String provider, String model) {
        String pair = provider + '\u0000' + model;
        if (seen.contains(pair)) {
            return;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            if (untracked.getAndIncrement() == 0) {
                warnings.accept("more than " + capacity + " models without a price have been met: further ones are "
                        + "not reported one by one (metric label model=\"" + OTHER + "\")");
            }
            return;
        }
        if (seen.add(pair)) {
            warnings.accept("no price for model " + quoted(model) + " at provider " + quoted(provider)
                    + ": add one to /api/pricing");
        } else {
            size.decrementAndGet(); // another thread noted it meanwhile
        }
    }

    /** The metrics label of {@code model}: itself when its pair is tracked, else {@value #OTHER}. */
    String label(String provider, String model) {
        return seen.contains(provider + '\u0000' + model) ? model : OTHER;
    }

    /** Sightings of pairs past the capacity (each call, not each distinct pair). */
    long untracked() {
        return untracked.get();
    }

    int tracked() {
        return size.get();
    }

    static String quoted(String name) {
        return JsonStrings.quote(name.length() > MAX_LOGGED_CHARS ? name.substring(0, MAX_LOGGED_CHARS) + "..."
                : name);
    }
}
