package io.iris.gateway.observability;

import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingTrace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Request records for tests. */
final class Records {
    static final Instant STARTED = Instant.parse("2026-03-01T10:00:00.123456789Z");
    static final CallerIdentity CALLER = new CallerIdentity("6f1c1f0e-4a57-4c59-9a57-4b5f0f3a1d2e", "app-vk",
            "0b6f5c7e-1d2a-4e3b-8c4d-5e6f7a8b9c0d", "team-a", "", "");

    private Records() {
    }

    /** A chat request served by openai/gpt-4o on its first attempt. */
    static RequestRecord served() {
        RequestRecord.Attempt attempt = new RequestRecord.Attempt(0, "openai", "gpt-4o", "primary", 200,
                Optional.empty(), STARTED.plusMillis(1), 40_500_000);
        return new RequestRecord("req-1", STARTED, "chat", false, CALLER, "gpt-4o", "openai", "gpt-4o",
                Optional.of("eu-rule"), 0, 200, Optional.empty(), 45_678_901, 40_500_000, 0, Optional.empty(),
                12, 34, 1_500, List.of(attempt), new RoutingTrace(List.of()), Optional.empty());
    }

    /** A record with {@code body} as its logged request body. */
    static RequestRecord withBody(byte[] body) {
        return served().withRequestBody(Optional.of(body));
    }
}
