package io.iris.gateway.governance.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts as the counters keep them: whole millionths of a dollar in a {@code long}. Stateless. */
public final class Money {
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private Money() {
    }

    /** {@code usd} in micro-dollars, rounded down; 0 for null. */
    public static long micros(BigDecimal usd) {
        return usd == null ? 0 : usd.multiply(MICROS).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    public static BigDecimal usd(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }
}
