package io.iris.gateway.common;

/** Failures described for the server log. Stateless. */
public final class Failures {
    private Failures() {
    }

    /**
     * The root cause's class and message ({@code ConnectException: Connection refused}): what an operator needs to
     * tell one outage from another, in one line instead of a stack trace repeated every second.
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
