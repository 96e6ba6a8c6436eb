package io.iris.gateway.governance;

import java.util.List;

/** Anything that carries budgets and a rate limit: customers, teams, virtual keys and their provider configs,
 * providers, model configs. */
public interface LimitHolder {
    /** The budgets in the order the admin wrote them; a live, mutable list owned by the holder. */
    List<Budget> getBudgets();

    /** The rate limit, or null when there is none. */
    RateLimit getRateLimit();

    void setRateLimit(RateLimit rateLimit);
}
