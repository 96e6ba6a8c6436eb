package io.iris.gateway.security;

/** Why an authentication was refused. */
public enum FailureReason {
    /** No credential was presented. */
    MISSING("missing"),
    /** A credential was presented and is not valid. */
    INVALID("invalid"),
    /** The client's address failed too often in the current window: refused whatever it presented. */
    THROTTLED("throttled");

    private final String label;

    FailureReason(String label) {
        this.label = label;
    }

    /** The name in the audit line and the metric's {@code reason} label. */
    public String label() {
        return label;
    }
}
