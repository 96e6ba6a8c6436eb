package io.iris.gateway.routing;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Where the routing engine's weighted choices draw their randomness. Implementations are thread-safe. */
@FunctionalInterface
public interface RandomSource {

    /** A value uniformly distributed in [0, 1). */
    double nextDouble();

    /** The production source: {@link ThreadLocalRandom}, without contention between threads. */
    static RandomSource threadLocal() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    /** A deterministic source for tests: the same seed gives the same sequence (shared, not per thread). */
    static RandomSource seeded(long seed) {
        Random random = new Random(seed);
        return random::nextDouble;
    }
}
