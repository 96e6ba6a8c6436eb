package io.iris.gateway.governance.accounting;

import java.math.BigDecimal;

/** A price as an admin writes it: USD per million tokens, in and out. */
public record PriceSpec(String provider, String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
}
