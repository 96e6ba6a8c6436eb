package io.iris.gateway.governance.accounting;

import io.iris.gateway.providers.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pricing table as the request path reads it. A price is looked up by provider name, then by the provider's
 * type (so the seeded {@code openai} and {@code anthropic} rows price any provider of that type), each first for
 * the exact model and then for the longest priced model the name starts with followed by {@code -}
 * ({@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}). A lookup's work is bounded by the longest priced
 * name, not by the requested one ({@link PricedModels}). Immutable.
 */
public final class PriceBook {
    public static final PriceBook EMPTY = new PriceBook(Map.of());

    /** USD per million input and output tokens. */
    public record Rate(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        /** The cost of {@code usage} in micro-dollars, rounded up. */
        public long costMicros(Usage usage) {
            return tokensCost(usage.promptTokens(), usage.completionTokens());
        }

        /** Micro-dollars per token equals USD per million tokens, so no scaling is needed. */
        public long tokensCost(long inputTokens, long outputTokens) {
            return inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                    .setScale(0, RoundingMode.CEILING).longValue();
        }
    }

    private final Map<String, PricedModels> byProvider;

    private PriceBook(Map<String, PricedModels> byProvider) {
        this.byProvider = byProvider;
    }

    public static PriceBook of(Collection<Price> prices) {
        Map<String, Map<String, Rate>> byProvider = new HashMap<>();
        for (Price price : prices) {
            byProvider.computeIfAbsent(price.getProvider(), p -> new HashMap<>())
                    .put(price.getModel(), new Rate(price.getInputPerMillion(), price.getOutputPerMillion()));
        }
        Map<String, PricedModels> models = new HashMap<>();
        byProvider.forEach((provider, rates) -> models.put(provider, new PricedModels(Map.copyOf(rates))));
        return new PriceBook(Map.copyOf(models));
    }

    public Optional<Rate> rate(String providerName, String providerType, String model) {
        return find(providerName, model).or(() -> find(providerType, model));
    }

    private Optional<Rate> find(String provider, String model) {
        PricedModels models = byProvider.get(provider);
        return models == null ? Optional.empty() : models.find(model);
    }
}
