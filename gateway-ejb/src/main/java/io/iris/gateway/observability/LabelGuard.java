package io.iris.gateway.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a metric label's values bounded: the first {@code capacity} distinct values pass as they are, any later
 * new value becomes {@link #OTHER}. Model names come from callers on wildcard providers, so without this one
 * caller could create any number of time series. Thread-safe and lock-free for values already seen.
 */
final class LabelGuard {
    static final String OTHER = "other";

    private final int capacity;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();

    LabelGuard(int capacity) {
        this.capacity = capacity;
    }

    String admit(String value) {
        if (admitted.contains(value)) {
            return value;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return OTHER;
        }
        if (!admitted.add(value)) {
            size.decrementAndGet(); // another thread admitted it meanwhile
        }
        return value;
    }
}
