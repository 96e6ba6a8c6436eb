package io.iris.gateway.common;

/**
 * A data-plane request the gateway will not or cannot serve. The message is shown to the caller: lower case,
 * saying what could not be done and why, never a secret. {@code status} is usually the type's, but an upstream
 * error keeps the upstream's 4xx status. {@code param} names the offending request field, or is null.
 */
public class GatewayException extends RuntimeException {
    private final ErrorType type;
    private final int status;
    private final String param;

    public GatewayException(ErrorType type, String message) {
        this(type, type.status(), message, null);
    }

    public GatewayException(ErrorType type, int status, String message, String param) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.param = param;
    }

    public ErrorType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String param() {
        return param;
    }
}
