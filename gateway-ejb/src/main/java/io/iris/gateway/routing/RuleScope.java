package io.iris.gateway.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a routing rule applies. Tried for a request in the order VIRTUAL_KEY, TEAM, CUSTOMER, GLOBAL. */
public enum RuleScope {
    VIRTUAL_KEY, TEAM, CUSTOMER, GLOBAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleScope> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
