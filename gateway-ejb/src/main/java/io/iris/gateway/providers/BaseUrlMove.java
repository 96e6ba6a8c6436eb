package io.iris.gateway.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A provider key is sent only to the place it was entered for: the scheme, host and port of the provider's
 * {@code base_url} (its origin). A replacement that moves {@code base_url} to another origin drops every stored
 * key it does not send again with a value (API.md §3): a key kept by id or name without a value, or with its
 * masked value, and every key when the write leaves {@code keys} out. The keys sent with a value stay, with that
 * value. A change of path alone keeps the keys. Dropping keys rather than keeping them without a value means a
 * stored key always has a value and no key ever travels to a host it was not entered for. Stateless.
 */
final class BaseUrlMove {
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
     * The replacement as it applies to a provider whose stored {@code base_url} is {@code currentUrl}: unchanged
     * unless it moves to another origin; then its key list holds only the keys it sends with a value (empty when
     * it sends none or leaves {@code keys} out), so every other stored key is dropped.
     */
    static ProviderSpec withKeysForItsHost(String currentUrl, ProviderSpec spec) {
        if (spec.baseUrl() == null || !movesHost(currentUrl, spec.baseUrl())) {
            return spec;
        }
        List<ProviderKeySpec> resent = spec.keys() == null ? List.of()
                : spec.keys().stream().filter(key -> key.value() != null).toList();
        return new ProviderSpec(spec.name(), spec.type(), spec.baseUrl(), spec.apiVersion(), spec.models(),
                spec.network(), resent, spec.budgets(), spec.rateLimit());
    }
}
