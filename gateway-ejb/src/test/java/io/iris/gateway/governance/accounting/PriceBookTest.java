package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.providers.Usage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBookTest {
    private static Price price(String provider, String model, String in, String out) {
        Price price = new Price();
        price.setProviderAndModel(provider, model);
        price.setPrices(new BigDecimal(in), new BigDecimal(out));
        return price;
    }

    private final PriceBook book = PriceBook.of(List.of(price("openai", "gpt-4o", "2.50", "10"),
            price("openai", "gpt-4o-mini", "0.15", "0.60"), price("my-openai", "gpt-4o", "1", "1")));

    @Test
    void rate_byProviderNameFirst_thenByType() {
        assertEquals(new BigDecimal("1"), book.rate("my-openai", "openai", "gpt-4o").orElseThrow().inputPerMillion());
        assertEquals(new BigDecimal("2.50"), book.rate("eu-openai", "openai", "gpt-4o").orElseThrow()
                .inputPerMillion());
    }

    @Test
    void rate_datedModelName_pricedAsTheLongestPricedPrefix() {
        assertEquals(new BigDecimal("0.15"), book.rate("x", "openai", "gpt-4o-mini-2024-07-18").orElseThrow()
                .inputPerMillion());
        assertEquals(new BigDecimal("2.50"), book.rate("x", "openai", "gpt-4o-2024-08-06").orElseThrow()
                .inputPerMillion());
    }

    @Test
    void rate_unknownModel_empty() {
        assertTrue(book.rate("x", "anthropic", "gpt-4o").isEmpty());
        assertTrue(book.rate("x", "openai", "gpt-4").isEmpty());
    }

    @Test
    void costMicros_usage_tokensTimesPriceRoundedUp() {
        PriceBook.Rate rate = book.rate("openai", "openai", "gpt-4o").orElseThrow();

        // 1,000 × $2.50/M + 200 × $10/M = $0.0045 = 4,500 micro-dollars
        assertEquals(4_500, rate.costMicros(new Usage(1000, 200)));
        assertEquals(3, rate.costMicros(new Usage(1, 0)), "2.5 micro-dollars round up");
    }
}
