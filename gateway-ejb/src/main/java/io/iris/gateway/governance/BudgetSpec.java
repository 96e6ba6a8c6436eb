package io.iris.gateway.governance;

import io.iris.gateway.common.Validation;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A budget as an admin writes it. {@code id} names an existing budget of the same owner whose usage is
 * kept; null creates a new budget.
 */
public record BudgetSpec(UUID id, BigDecimal maxLimit, String resetDuration, boolean calendarAligned) {
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999");

    public void validate(Validation v, String path) {
        if (maxLimit == null) {
            v.reject(path + ".max_limit", "is required");
        } else {
            v.check(maxLimit.signum() >= 0 && maxLimit.compareTo(MAX_AMOUNT) <= 0, path + ".max_limit",
                    "must be between 0 and " + MAX_AMOUNT.toPlainString());
        }
        if (resetDuration == null) {
            v.reject(path + ".reset_duration", "is required");
            return;
        }
        ResetPeriod.parse(resetDuration).ifPresentOrElse(
                period -> v.check(!calendarAligned || period.canAlignToCalendar(), path + ".calendar_aligned",
                        "needs a reset_duration of 1d, 1w, 1M or 1Y"),
                () -> v.reject(path + ".reset_duration", ResetPeriod.describeFormat()));
    }
}
