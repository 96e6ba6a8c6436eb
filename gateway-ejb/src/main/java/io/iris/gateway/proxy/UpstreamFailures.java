package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.upstream.EgressRefusedException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

/**
 * Turns what went wrong upstream into the gateway's errors: statuses per API.md §1 (5xx becomes 502, a timeout
 * 504) and a message that says which provider answered what, with anything that looks like a key removed
 * ({@link UpstreamMessages}, which also cleans error events inside streams).
 */
final class UpstreamFailures {
    private UpstreamFailures() {
    }

    /** Whether the next fallback should be tried after this upstream status. */
    static boolean fallsBack(int status) {
        return status == 429 || status >= 500;
    }

    static GatewayException ofStatus(String provider, int status, byte[] body, String keyValue) {
        int clientStatus = status >= 500 ? 502 : status;
        String detail = status == 401 || status == 403
                ? "it rejected the gateway's credentials"
                : scrub(upstreamMessage(body), keyValue);
        return new GatewayException(ErrorType.UPSTREAM_ERROR, clientStatus,
                "provider '" + provider + "' answered " + status + (detail.isEmpty() ? "" : ": " + detail), null);
    }

    static GatewayException ofException(String provider, Throwable cause) {
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return new GatewayException(ErrorType.UPSTREAM_TIMEOUT, "provider '" + provider + "' timed out");
        }
        return new GatewayException(ErrorType.UPSTREAM_ERROR, "provider '" + provider + "' could not be reached"
                + (refusedByEgressPolicy(cause) ? ": " + EgressRefusedException.MESSAGE : ""));
    }

    /** Whether the connection was refused by the egress policy (a few causes deep: the client wraps it). */
    private static boolean refusedByEgressPolicy(Throwable cause) {
        Throwable at = cause;
        for (int depth = 0; at != null && depth < 5; depth++, at = at.getCause()) {
            if (at instanceof EgressRefusedException) {
                return true;
            }
        }
        return false;
    }

    private static String upstreamMessage(byte[] body) {
        try (var reader = JsonP.PROVIDER.createReader(new ByteArrayInputStream(body))) {
            if (reader.readValue() instanceof JsonObject o && o.get("error") instanceof JsonObject error
                    && error.get("message") instanceof JsonString message) {
                return message.getString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String scrub(String message, String keyValue) {
        return UpstreamMessages.redact(message, keyValue);
    }
}
