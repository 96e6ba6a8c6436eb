package io.iris.gateway.routing;

import java.util.List;

/**
 * Picks a rule's target in proportion to its effective weight: its configured weight times the health of the
 * provider it sends traffic to. Healthy peers keep their configured shares; what a degraded target loses goes to
 * the others in proportion to their own weights. Stateless.
 */
final class WeightedChoice {

    private WeightedChoice() {
    }

    /** The effective weight of each target, for a target without a provider the current one's health. */
    static double[] effectiveWeights(List<RouteTarget> targets, String currentProvider, TargetHealth health) {
        double[] weights = new double[targets.size()];
        for (int i = 0; i < weights.length; i++) {
            RouteTarget target = targets.get(i);
            double factor = health.factor(target.providerName().orElse(currentProvider));
            weights[i] = usable(target.weight()) * Math.max(0, Math.min(1, factor));
        }
        return weights;
    }

    /**
     * The index of the target that {@code uniform} (in [0, 1)) falls on. Weights are normalised by their sum, so
     * they need not sum to 1; a weight that is not a positive number counts as 0. When every effective weight is
     * 0 (every provider unhealthy) the configured weights decide, and when none of those is positive every target
     * is equally likely.
     *
     * @return -1 when there is no target
     */
    static int pick(List<RouteTarget> targets, double[] effective, double uniform) {
        int count = targets.size();
        if (count <= 1) {
            return count - 1;
        }
        int index = pick(effective, uniform);
        if (index >= 0) {
            return index;
        }
        double[] configured = new double[count];
        for (int i = 0; i < count; i++) {
            configured[i] = usable(targets.get(i).weight());
        }
        index = pick(configured, uniform);
        return index >= 0 ? index : Math.min((int) (uniform * count), count - 1);
    }

    /** -1 when no weight is positive. */
    private static int pick(double[] weights, double uniform) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            return -1;
        }
        double point = uniform * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                point -= weights[i];
                if (point < 0) {
                    return i;
                }
            }
        }
        return last; // rounding left the point at the very end
    }

    private static double usable(double weight) {
        return weight > 0 && !Double.isInfinite(weight) ? weight : 0;
    }
}
