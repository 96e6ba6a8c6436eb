package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Turns what went wrong upstream into the gateway's errors: statuses per API.md §1 (5xx becomes 502, a timeout
 * 504) and a message that says which provider answered what, with anything that looks like a key removed.
 */
final class UpstreamFailures {
    private static final Pattern KEY_LIKE = Pattern.compile("(sk|key|pk|rk)[-_][A-Za-z0-9_*.\\-]{4,}");
    private static final int MAX_MESSAGE = 300;

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
        return new GatewayException(ErrorType.UPSTREAM_ERROR, "provider '" + provider + "' could not be reached");
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
        String clean = keyValue.isEmpty() ? message : message.replace(keyValue, "[redacted]");
        clean = KEY_LIKE.matcher(clean).replaceAll("[redacted]").replaceAll("\\s+", " ").strip();
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "..." : clean;
    }
}
