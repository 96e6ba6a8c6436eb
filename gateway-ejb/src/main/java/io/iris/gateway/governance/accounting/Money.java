package io.iris.gateway.governance.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts as the counters keep them: whole millionths of a dollar in a {@code long}. Stateless. */
public final class Money {
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private Money() {
    }

    private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * {@code usd} in micro-dollars, rounded down; 0 for null. Amounts past what a {@code long} holds (a budget
     * may be up to 10^14 USD, 10^20 micro-dollars) become {@link Long#MAX_VALUE}: in effect no limit.
     */
    public static long micros(BigDecimal usd) {
        if (usd == null) {
            return 0;
        }
        BigDecimal micros = usd.multiply(MICROS).setScale(0, RoundingMode.DOWN);
        return micros.compareTo(LARGEST) >= 0 ? Long.MAX_VALUE : micros.longValueExact();
    }

    public static BigDecimal usd(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }
}
