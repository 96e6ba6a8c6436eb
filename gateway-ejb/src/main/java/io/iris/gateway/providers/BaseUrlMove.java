package io.iris.gateway.providers;

import io.iris.gateway.common.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A provider key is sent only to the place it was entered for: the scheme, host and port of the provider's
 * {@code base_url} (its origin). A replacement that moves {@code base_url} to another origin must therefore send
 * every key it keeps with its value again; otherwise the write is refused (400 on {@code keys[i].value}, or on
 * {@code keys} when the write leaves the key list out), and nothing changes. Keys left out of the list are
 * dropped as on any replacement. A change of path alone keeps the keys. Refusing, rather than keeping keys
 * without a value, means a stored key always has a value and no key ever travels to a host it was not
 * entered for. Stateless.
 */
final class BaseUrlMove {
    static final String SEND_AGAIN = "must be sent again with its value when base_url moves to another host "
            + "(scheme, host or port)";

    private BaseUrlMove() {
    }

    /**
     * Whether {@code to} has another origin than {@code from}: scheme and host compared case-insensitively, a
     * trailing dot ignored, a missing port read as the scheme's default. A URL that does not parse counts as
     * another origin.
     */
    static boolean movesHost(String from, String to) {
        if (from == null || to == null) {
            return !Objects.equals(from, to);
        }
        try {
            return !origin(new URI(from)).equals(origin(new URI(to)));
        } catch (URISyntaxException unreadable) {
            return true;
        }
    }

    private static List<Object> origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return List.of(scheme, host, port);
    }

    /**
     * Checks a replacement of a provider whose stored {@code base_url} is {@code currentUrl} and which has
     * {@code storedKeys} keys: when it moves to another origin, each key it keeps must carry a value.
     */
    static void requireKeyValues(Validation v, String currentUrl, ProviderSpec spec, int storedKeys) {
        if (spec.baseUrl() == null || !movesHost(currentUrl, spec.baseUrl())) {
            return;
        }
        if (spec.keys() == null) {
            v.check(storedKeys == 0, "keys", "must be sent again, each with its value, when base_url moves to "
                    + "another host (scheme, host or port); [] drops them");
            return;
        }
        for (int i = 0; i < spec.keys().size(); i++) {
            v.check(spec.keys().get(i).value() != null, "keys[" + i + "].value", SEND_AGAIN);
        }
    }
}
