package io.iris.gateway.governance;

import io.iris.gateway.common.Validation;

/** A rate limit as an admin writes it. Each half (requests, tokens) is a limit and a window, or absent. */
public record RateLimitSpec(Long requestMaxLimit, String requestResetDuration,
                            Long tokenMaxLimit, String tokenResetDuration) {

    public void validate(Validation v, String path) {
        validateHalf(v, path, "request", requestMaxLimit, requestResetDuration);
        validateHalf(v, path, "token", tokenMaxLimit, tokenResetDuration);
        v.check(requestMaxLimit != null || tokenMaxLimit != null, path,
                "must set request_max_limit or token_max_limit, or be null");
    }

    private static void validateHalf(Validation v, String path, String half, Long max, String duration) {
        String maxField = path + "." + half + "_max_limit";
        String durationField = path + "." + half + "_reset_duration";
        if (max == null) {
            v.check(duration == null, durationField, "must be null when " + half + "_max_limit is null");
            return;
        }
        v.check(max > 0, maxField, "must be greater than 0");
        if (duration == null) {
            v.reject(durationField, "is required when " + half + "_max_limit is set");
        } else {
            v.check(ResetPeriod.parse(duration).isPresent(), durationField, ResetPeriod.describeFormat());
        }
    }
}
