package io.iris.gateway.proxy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToDoubleFunction;

/** Picks one item at random in proportion to its weight. Thread-safe (per-thread random source). */
final class Weighted {
    private Weighted() {
    }

    static <T> Optional<T> pick(List<T> items, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T item : items) {
            total += Math.max(0, weight.applyAsDouble(item));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (total <= 0) {
            return Optional.of(items.get(0));
        }
        double point = ThreadLocalRandom.current().nextDouble(total);
        for (T item : items) {
            point -= Math.max(0, weight.applyAsDouble(item));
            if (point < 0) {
                return Optional.of(item);
            }
        }
        return Optional.of(items.get(items.size() - 1));
    }
}
