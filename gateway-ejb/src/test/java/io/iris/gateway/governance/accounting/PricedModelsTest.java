package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PricedModelsTest {
    private static final List<String> PRICED = List.of("gpt-4o", "gpt-4o-mini", "gpt-4", "o3", "claude-3-5-haiku",
            "a", "a-a", "x-");

    /** A rate map that counts its lookups and the characters of the names looked up. */
    private static final class CountingRates extends HashMap<String, PriceBook.Rate> {
        int lookups;
        long characters;

        @Override
        public PriceBook.Rate get(Object key) {
            lookups++;
            characters += ((String) key).length();
            return super.get(key);
        }
    }

    private static CountingRates rates() {
        CountingRates rates = new CountingRates();
        for (int i = 0; i < PRICED.size(); i++) {
            rates.put(PRICED.get(i), new PriceBook.Rate(BigDecimal.valueOf(i + 1), BigDecimal.ONE));
        }
        return rates;
    }

    /** The lookup as it was: the exact name, then a substring at every dash from the right. */
    private static Optional<PriceBook.Rate> everyDash(Map<String, PriceBook.Rate> rates, String model) {
        PriceBook.Rate exact = rates.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (int dash = model.lastIndexOf('-'); dash > 0; dash = model.lastIndexOf('-', dash - 1)) {
            PriceBook.Rate prefix = rates.get(model.substring(0, dash));
            if (prefix != null) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    @Test
    void find_ordinaryNames_sameRateAsLookingAtEveryDash() {
        Map<String, PriceBook.Rate> reference = new HashMap<>(rates());
        PricedModels models = new PricedModels(rates());
        List<String> names = List.of("gpt-4o", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06",
                "gpt-4-turbo", "gpt-4", "gpt-4.1", "gpt", "o3-pro", "o3", "o3-", "claude-3-5-haiku-20241022",
                "claude-3-5", "a-a-a-a", "a-b", "a", "-a", "x-", "x--y", "x-y", "", "-", "--");
        for (String name : names) {
            assertEquals(everyDash(reference, name), models.find(name), name);
        }
    }

    @Test
    void find_randomDashedNames_sameRateAsLookingAtEveryDash() {
        Map<String, PriceBook.Rate> reference = new HashMap<>(rates());
        PricedModels models = new PricedModels(rates());
        Random random = new Random(42);
        String[] parts = {"a", "gpt", "4o", "mini", "x", "", "o3", "claude", "3", "5", "haiku", "2024"};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder name = new StringBuilder(parts[random.nextInt(parts.length)]);
            for (int i = random.nextInt(6); i > 0; i--) {
                name.append('-').append(parts[random.nextInt(parts.length)]);
            }
            assertEquals(everyDash(reference, name.toString()), models.find(name.toString()), name.toString());
        }
    }

    @Test
    void find_oneMegabyteOfDashes_emptyAfterLookupsBoundedByTheLongestPricedName() {
        CountingRates rates = rates();
        PricedModels models = new PricedModels(rates);
        String hostile = "b-".repeat(512 * 1024);

        assertTrue(models.find(hostile).isEmpty());

        int longest = "claude-3-5-haiku".length();
        assertTrue(rates.lookups <= longest / 2 + 1, "lookups: " + rates.lookups);
        assertTrue(rates.characters <= (long) longest * longest, "characters copied: " + rates.characters);
    }

    @Test
    void find_hugeNameWithAPricedPrefix_foundWithoutLookingAtTheRest() {
        CountingRates rates = rates();
        PricedModels models = new PricedModels(rates);

        assertEquals(rates.get("gpt-4o-mini"), models.find("gpt-4o-mini-" + "z-".repeat(500_000)).orElseThrow());
        assertTrue(rates.lookups <= 20, "lookups: " + rates.lookups);
    }
}
