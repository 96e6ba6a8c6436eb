package io.iris.gateway.common;

/** The data plane's closed error vocabulary (API.md §1): each failure has one status and one wire type. */
public enum ErrorType {
    INVALID_REQUEST(400, "invalid_request_error"),
    MODEL_NOT_FOUND(400, "model_not_found"),
    AUTHENTICATION(401, "authentication_error"),
    BUDGET_EXCEEDED(402, "budget_exceeded"),
    VIRTUAL_KEY_BLOCKED(403, "virtual_key_blocked"),
    PROVIDER_BLOCKED(403, "provider_blocked"),
    MODEL_BLOCKED(403, "model_blocked"),
    /** No price for the target's model while a budget is on the caller's path and unpriced models are denied. */
    MODEL_NOT_PRICED(403, "model_not_priced"),
    NOT_FOUND(404, "not_found_error"),
    BODY_TOO_LARGE(413, "invalid_request_error"),
    REQUEST_LIMITED(429, "request_limited"),
    TOKEN_LIMITED(429, "token_limited"),
    UPSTREAM_ERROR(502, "upstream_error"),
    UPSTREAM_TIMEOUT(504, "upstream_timeout"),
    INTERNAL(500, "internal_error");

    private final int status;
    private final String wireType;

    ErrorType(int status, String wireType) {
        this.status = status;
        this.wireType = wireType;
    }

    public int status() {
        return status;
    }

    public String wireType() {
        return wireType;
    }
}
