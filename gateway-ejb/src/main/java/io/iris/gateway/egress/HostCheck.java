package io.iris.gateway.egress;

import java.util.Optional;

/**
 * What the egress policy says about a host before DNS: refused (with the reason, for the admin), allowed subject
 * to the deny lists of addresses, or allowed only if every address it resolves to lies in an allowed range.
 * Immutable.
 */
public record HostCheck(Outcome outcome, String reason) {
    public enum Outcome { REFUSED, ALLOWED, ADDRESS_DECIDES }

    static final HostCheck ALLOWED = new HostCheck(Outcome.ALLOWED, "");
    static final HostCheck ADDRESS_DECIDES = new HostCheck(Outcome.ADDRESS_DECIDES, "");

    static HostCheck refused(String reason) {
        return new HostCheck(Outcome.REFUSED, reason);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    /** The reason of a refusal. */
    public Optional<String> refusal() {
        return refused() ? Optional.of(reason) : Optional.empty();
    }
}
