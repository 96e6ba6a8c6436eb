package io.iris.gateway.web.admin;

import io.iris.gateway.governance.VirtualKey;
import io.iris.gateway.governance.VirtualKeyProviderConfig;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Virtual keys on the wire. The value appears only in the create response; reads show the masked hint. */
public final class VirtualKeyViews {
    private VirtualKeyViews() {
    }

    @JsonbPropertyOrder({"id", "name", "value", "key_hint"})
    public record VirtualKeyView(UUID id, String name, @JsonbNillable(false) String value, String keyHint,
                                 UUID teamId, UUID customerId, boolean isActive, Instant expiresAt,
                                 boolean allowAllProviders, List<ProviderConfigView> providerConfigs,
                                 List<LimitsJson.BudgetView> budgets, LimitsJson.RateLimitView rateLimit,
                                 Instant createdAt, Instant updatedAt) {
    }

    public record ProviderConfigView(UUID id, String provider, double weight, List<String> allowedModels,
                                     List<String> blockedModels, List<String> keyIds,
                                     List<LimitsJson.BudgetView> budgets, LimitsJson.RateLimitView rateLimit) {
    }

    static VirtualKeyView of(VirtualKey k, Map<UUID, String> providerNames, String value) {
        List<ProviderConfigView> configs = k.getProviderConfigs().stream()
                .map(c -> config(c, providerNames)).toList();
        return new VirtualKeyView(k.getId(), k.getName(), value, k.getKeyHint(), k.getTeamId(), k.getCustomerId(),
                k.isActive(), k.getExpiresAt(), k.isAllowAllProviders(), configs, LimitsJson.budgetViews(k),
                LimitsJson.rateLimitView(k), k.getCreatedAt(), k.getUpdatedAt());
    }

    private static ProviderConfigView config(VirtualKeyProviderConfig c, Map<UUID, String> providerNames) {
        return new ProviderConfigView(c.getId(), providerNames.get(c.getProviderId()), c.getWeight(),
                c.getAllowedModels(), c.getBlockedModels(), c.getKeyIds(), LimitsJson.budgetViews(c),
                LimitsJson.rateLimitView(c));
    }
}
