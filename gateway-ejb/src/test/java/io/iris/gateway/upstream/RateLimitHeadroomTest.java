package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadroomTest {
    private static double headroom(Map<String, String> headers) {
        return RateLimitHeadroom.of(headers::get);
    }

    @Test
    void of_noRateLimitHeaders_unknown() {
        assertEquals(RateLimitHeadroom.UNKNOWN, headroom(Map.of("content-type", "application/json")));
    }

    @Test
    void of_openAiRequestsAndTokens_smallestShare() {
        assertEquals(0.25, headroom(Map.of(
                "x-ratelimit-limit-requests", "100", "x-ratelimit-remaining-requests", "60",
                "x-ratelimit-limit-tokens", "40000", "x-ratelimit-remaining-tokens", "10000")));
    }

    @Test
    void of_anthropicInputAndOutputTokens_smallestShare() {
        assertEquals(0.1, headroom(Map.of(
                "anthropic-ratelimit-requests-limit", "50", "anthropic-ratelimit-requests-remaining", "49",
                "anthropic-ratelimit-tokens-limit", "100000", "anthropic-ratelimit-tokens-remaining", "90000",
                "anthropic-ratelimit-input-tokens-limit", "80000", "anthropic-ratelimit-input-tokens-remaining",
                "40000", "anthropic-ratelimit-output-tokens-limit", "20000",
                "anthropic-ratelimit-output-tokens-remaining", "2000")), 1e-12);
    }

    @Test
    void of_limitWithoutRemaining_unknown() {
        assertEquals(RateLimitHeadroom.UNKNOWN, headroom(Map.of("x-ratelimit-limit-requests", "100")));
        assertEquals(RateLimitHeadroom.UNKNOWN, headroom(Map.of("x-ratelimit-remaining-requests", "100")));
    }

    @Test
    void of_limitZero_pairIgnored() {
        assertEquals(0.5, headroom(Map.of(
                "x-ratelimit-limit-requests", "0", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "500")));
    }

    @Test
    void of_unparseableValues_pairIgnored() {
        assertEquals(RateLimitHeadroom.UNKNOWN, headroom(Map.of(
                "x-ratelimit-limit-requests", "lots", "x-ratelimit-remaining-requests", "5",
                "x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "-5",
                "anthropic-ratelimit-requests-limit", "1e3", "anthropic-ratelimit-requests-remaining", "10",
                "anthropic-ratelimit-tokens-limit", "", "anthropic-ratelimit-tokens-remaining", "10")));
    }

    @Test
    void of_remainingAboveLimit_clampedToOne() {
        assertEquals(1.0, headroom(Map.of("x-ratelimit-limit-requests", "10", "x-ratelimit-remaining-requests",
                "12")));
    }

    @Test
    void of_nothingRemaining_zero() {
        assertEquals(0.0, headroom(Map.of("anthropic-ratelimit-requests-limit", "50",
                "anthropic-ratelimit-requests-remaining", "0")));
    }

    @Test
    void of_blanksAndDecimals_parsed() {
        assertEquals(0.25, headroom(Map.of("x-ratelimit-limit-requests", " 10.0\t",
                "x-ratelimit-remaining-requests", "2.5 ")));
    }

    @Test
    void number_validAndInvalidText_valueOrMinusOne() {
        assertEquals(123.0, RateLimitHeadroom.number("123"));
        assertEquals(12.5, RateLimitHeadroom.number("12.5"));
        assertEquals(7.0, RateLimitHeadroom.number("7."));
        assertEquals(-1.0, RateLimitHeadroom.number(null));
        assertEquals(-1.0, RateLimitHeadroom.number(" "));
        assertEquals(-1.0, RateLimitHeadroom.number("."));
        assertEquals(-1.0, RateLimitHeadroom.number("1.2.3"));
        assertEquals(-1.0, RateLimitHeadroom.number("+4"));
        assertEquals(-1.0, RateLimitHeadroom.number("4 5"));
    }
}
