package io.iris.gateway.providers;

import io.iris.gateway.common.Validation;
import io.iris.gateway.egress.EgressPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Field rules of a provider that need no database. */
final class ProviderValidation {
    static final int MAX_MODELS = 1000;
    /**
     * Provider names are identifiers: they appear in {@code provider/model} strings and in URL paths, so they
     * hold letters, digits, '.', '_' and '-' only (any script), starting with a letter or digit.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");

    private ProviderValidation() {
    }

    static void validateName(Validation v, String name) {
        v.name("name", name);
        if (name != null && !name.isBlank()) {
            v.check(NAME.matcher(name).matches(), "name",
                    "may hold only letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    /** {@code egress}: where {@code base_url} may point (API.md §3, "Where a provider may point"). */
    static void validate(Validation v, ProviderSpec spec, EgressPolicy egress) {
        Optional<ProviderType> type = spec.type() == null ? Optional.empty() : ProviderType.fromWireName(spec.type());
        if (spec.type() == null) {
            v.reject("type", "is required");
        } else if (type.isEmpty()) {
            v.reject("type", "must be one of openai, azure, anthropic");
        }
        validateBaseUrl(v, spec.baseUrl(), egress);
        if (spec.apiVersion() != null) {
            v.check(!spec.apiVersion().isBlank() && spec.apiVersion().length() <= 64, "api_version",
                    "must be 1 to 64 characters");
        } else {
            v.check(type.orElse(null) != ProviderType.AZURE, "api_version", "is required for azure providers");
        }
        v.shortStrings("models", spec.models(), MAX_MODELS);
        if (spec.network() != null) {
            spec.network().validate(v, "network");
        }
    }

    private static void validateBaseUrl(Validation v, String baseUrl, EgressPolicy egress) {
        if (baseUrl == null) {
            v.reject("base_url", "is required");
            return;
        }
        try {
            URI uri = new URI(baseUrl);
            if (v.check(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                            && uri.getQuery() == null && uri.getFragment() == null && baseUrl.length() <= 2048,
                    "base_url", "must be an absolute http or https URL without query or fragment")) {
                egress.refusesUrl(baseUrl).ifPresent(reason -> v.reject("base_url", reason));
            }
        } catch (URISyntaxException e) {
            v.reject("base_url", "is not a valid URL");
        }
    }
}
