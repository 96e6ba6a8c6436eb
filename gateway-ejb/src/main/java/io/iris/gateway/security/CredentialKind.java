package io.iris.gateway.security;

/** Which credential an authentication failure was about: the admin token or a virtual key. */
public enum CredentialKind {
    ADMIN("admin"),
    VIRTUAL_KEY("virtual_key");

    private final String label;

    CredentialKind(String label) {
        this.label = label;
    }

    /** The name in the audit line and the metric's {@code kind} label. */
    public String label() {
        return label;
    }
}
