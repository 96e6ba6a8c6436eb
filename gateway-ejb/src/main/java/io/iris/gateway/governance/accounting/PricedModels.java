package io.iris.gateway.governance.accounting;

import java.util.Map;
import java.util.Optional;

/**
 * The priced models of one provider (or provider type), looked up the way {@link PriceBook} documents: the exact
 * name, else the longest priced name that the model starts with followed by {@code -}. A priced name is never
 * longer than the longest one in the table, so only dashes within that length are candidates: a lookup copies at
 * most that many characters per candidate however long (and however many dashes) the requested name has. Immutable
 * when its map is.
 */
final class PricedModels {
    private final Map<String, PriceBook.Rate> rates;
    private final int longestName;

    /** @param rates by model name; read, never copied (tests pass a map that counts its lookups) */
    PricedModels(Map<String, PriceBook.Rate> rates) {
        this.rates = rates;
        this.longestName = rates.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    Optional<PriceBook.Rate> find(String model) {
        if (model.length() <= longestName) {
            PriceBook.Rate exact = rates.get(model);
            if (exact != null) {
                return Optional.of(exact);
            }
        }
        for (int dash = model.lastIndexOf('-', longestName); dash > 0; dash = model.lastIndexOf('-', dash - 1)) {
            PriceBook.Rate prefix = rates.get(model.substring(0, dash));
            if (prefix != null) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }
}
