package io.iris.gateway.web.admin;

import java.math.BigDecimal;

/** Money on the wire: no trailing zeros from the database's scale, never in exponent notation. */
final class Amounts {
    private Amounts() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
