package io.iris.gateway.routing;

/**
 * Live capacity as routing rules see it: how much of the budgets and rate limits on a path is used, in percent
 * (0 when none is set; above 100 when over). Read once per chain step and variable, only when a rule refers to
 * the variable. Implementations are thread-safe, never block and never touch the database.
 */
@FunctionalInterface
public interface CapacityView {
    CapacityView NONE = (variable, provider, model, caller) -> 0.0;

    /**
     * @param provider the step's current provider ({@code ""} when none yet)
     * @param model    the step's current model
     */
    double percentUsed(CapacityVariable variable, String provider, String model, CallerIdentity caller);
}
