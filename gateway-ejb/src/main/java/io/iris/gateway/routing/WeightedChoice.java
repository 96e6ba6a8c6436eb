package io.iris.gateway.routing;

import java.util.List;

/** Picks a rule's target in proportion to its weight. Stateless. */
final class WeightedChoice {

    private WeightedChoice() {
    }

    /**
     * The index of the target that {@code uniform} (in [0, 1)) falls on. Weights are normalised by their sum, so
     * they need not sum to 1; a weight that is not a positive number counts as 0, and when none is positive every
     * target is equally likely.
     *
     * @return -1 when there is no target
     */
    static int pick(List<RouteTarget> targets, double uniform) {
        int count = targets.size();
        if (count <= 1) {
            return count - 1;
        }
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += usable(targets.get(i).weight());
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            return Math.min((int) (uniform * count), count - 1);
        }
        double point = uniform * total;
        int last = -1;
        for (int i = 0; i < count; i++) {
            double weight = usable(targets.get(i).weight());
            if (weight > 0) {
                last = i;
                point -= weight;
                if (point < 0) {
                    return i;
                }
            }
        }
        return last; // rounding left the point at the very end
    }

    private static double usable(double weight) {
        return weight > 0 ? weight : 0;
    }
}
