package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.security.VirtualKeyValues;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the calling virtual key in the snapshot by the hash of the presented value. Accepted in
 * {@code Authorization: Bearer}, {@code x-iris-vk}, {@code x-api-key} and {@code api-key}, first found wins.
 * Stateless.
 */
public final class CallerAuthenticator {
    private static final String BEARER = "bearer ";

    private CallerAuthenticator() {
    }

    /** @return the caller, or empty when none is required and none was presented */
    public static Optional<CallerGrant> authenticate(Map<String, String> headers, GatewaySnapshot snapshot,
                                                     Instant now) {
        Optional<String> presented = presentedKey(headers);
        if (presented.isEmpty()) {
            if (snapshot.config().requireVirtualKey()) {
                throw new GatewayException(ErrorType.AUTHENTICATION, "a virtual key is required: send it as "
                        + "Authorization: Bearer, x-iris-vk, x-api-key or api-key");
            }
            return Optional.empty();
        }
        CallerGrant caller = snapshot.callerByHash(VirtualKeyValues.hash(presented.get()))
                .orElseThrow(() -> new GatewayException(ErrorType.AUTHENTICATION, "the virtual key is not valid"));
        if (!caller.active()) {
            throw new GatewayException(ErrorType.VIRTUAL_KEY_BLOCKED, "the virtual key is inactive");
        }
        if (caller.expiredAt(now)) {
            throw new GatewayException(ErrorType.VIRTUAL_KEY_BLOCKED, "the virtual key has expired");
        }
        return Optional.of(caller);
    }

    /** Whether the headers carry a virtual key at all (valid or not), in any header the data plane reads. */
    static boolean presentsKey(Map<String, String> headers) {
        return presentedKey(headers).isPresent();
    }

    static Optional<String> presentedKey(Map<String, String> headers) {
        String authorization = headers.get("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            if (!token.isEmpty()) {
                return Optional.of(token);
            }
        }
        for (String name : new String[] {"x-iris-vk", "x-api-key", "api-key"}) {
            String value = headers.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
