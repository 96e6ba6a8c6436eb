package io.iris.gateway.web.admin;

import io.iris.gateway.providers.NetworkSettings;
import io.iris.gateway.providers.Provider;
import io.iris.gateway.providers.ProviderKey;
import io.iris.gateway.providers.ProviderKeySpec;
import io.iris.gateway.providers.ProviderSpec;
import io.iris.gateway.web.json.JsonInput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Providers and their keys on the wire. Key values are write-only: reads show the masked form. */
public final class ProviderViews {
    private ProviderViews() {
    }

    public record ProviderView(UUID id, String name, String type, String baseUrl, String apiVersion,
                               List<String> models, List<KeyView> keys, NetworkView network,
                               List<LimitsJson.BudgetView> budgets, LimitsJson.RateLimitView rateLimit,
                               Instant createdAt, Instant updatedAt) {
    }

    public record KeyView(UUID id, String name, String value, double weight, List<String> models, boolean enabled,
                          Instant createdAt, Instant updatedAt) {
    }

    public record NetworkView(int connectTimeoutMs, int requestTimeoutMs, int streamIdleTimeoutMs, int maxRetries,
                              int retryBackoffInitialMs, int retryBackoffMaxMs) {
    }

    static ProviderView of(Provider p) {
        NetworkSettings n = p.getNetwork();
        NetworkView network = new NetworkView(n.getConnectTimeoutMs(), n.getRequestTimeoutMs(),
                n.getStreamIdleTimeoutMs(), n.getMaxRetries(), n.getRetryBackoffInitialMs(), n.getRetryBackoffMaxMs());
        return new ProviderView(p.getId(), p.getName(), p.getType().wireName(), p.getBaseUrl(), p.getApiVersion(),
                p.getModels(), p.getKeys().stream().map(ProviderViews::of).toList(), network,
                LimitsJson.budgetViews(p), LimitsJson.rateLimitView(p), p.getCreatedAt(), p.getUpdatedAt());
    }

    static KeyView of(ProviderKey k) {
        return new KeyView(k.getId(), k.getName(), k.getValueHint(), k.getWeight(), k.getModels(), k.isEnabled(),
                k.getCreatedAt(), k.getUpdatedAt());
    }

    static ProviderSpec spec(JsonInput in) {
        List<JsonInput> keys = in.objects("keys");
        return new ProviderSpec(in.string("name"), in.string("type"), in.string("base_url"),
                in.string("api_version"), in.strings("models"), network(in.object("network")),
                keys == null ? null : keys.stream().map(ProviderViews::keySpec).toList(),
                LimitsJson.budgets(in), LimitsJson.rateLimit(in));
    }

    /**
     * A key read back from a GET carries its masked value; sending that back means "keep the stored value",
     * so a masked value on an existing key reads as absent.
     */
    static ProviderKeySpec keySpec(JsonInput in) {
        UUID id = in.uuid("id");
        String value = in.string("value");
        if (id != null && value != null && value.contains("...") && value.length() <= 10) {
            value = null;
        }
        return new ProviderKeySpec(id, in.string("name"), value, in.decimalAsDouble("weight"),
                in.strings("models"), in.bool("enabled"));
    }

    private static NetworkSettings network(JsonInput in) {
        if (in == null) {
            return null;
        }
        NetworkSettings d = new NetworkSettings();
        return new NetworkSettings(
                orDefault(in.integer("connect_timeout_ms"), d.getConnectTimeoutMs()),
                orDefault(in.integer("request_timeout_ms"), d.getRequestTimeoutMs()),
                orDefault(in.integer("stream_idle_timeout_ms"), d.getStreamIdleTimeoutMs()),
                orDefault(in.integer("max_retries"), d.getMaxRetries()),
                orDefault(in.integer("retry_backoff_initial_ms"), d.getRetryBackoffInitialMs()),
                orDefault(in.integer("retry_backoff_max_ms"), d.getRetryBackoffMaxMs()));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
