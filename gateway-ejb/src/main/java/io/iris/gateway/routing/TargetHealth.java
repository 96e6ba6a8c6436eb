package io.iris.gateway.routing;

/**
 * How healthy a provider is now, as a factor in [0, 1] on the weight of every rule target that sends traffic to
 * it: 1 while its keys are healthy, less as they fail, slow down or open their circuits. Read on the request path,
 * so an implementation must answer from memory without a lock.
 */
@FunctionalInterface
public interface TargetHealth {
    /** Every provider fully healthy: targets keep their configured weights. */
    TargetHealth NEUTRAL = provider -> 1.0;

    double factor(String provider);
}
