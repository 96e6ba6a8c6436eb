package io.iris.gateway.observability;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of {@code GET /api/logs}: its filters (all optional, combined with AND; {@code from} inclusive,
 * {@code to} exclusive), how many records at most, and the cursor of the previous page. Immutable.
 */
public record RequestLogQuery(Optional<UUID> virtualKeyId, Optional<UUID> teamId, Optional<String> provider,
                              Optional<String> model, Optional<Integer> status, Optional<String> rule,
                              Optional<Instant> from, Optional<Instant> to, int limit, Optional<LogCursor> cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /**
     * The query of these parameters (name to first value, as sent): {@code virtual_key_id}, {@code team_id},
     * {@code provider}, {@code model}, {@code status}, {@code rule}, {@code from}, {@code to}, {@code limit},
     * {@code cursor}. Others are ignored.
     *
     * @throws io.iris.gateway.common.InvalidInputException naming every bad parameter
     */
    public static RequestLogQuery parse(Map<String, String> params) {
        LogParams in = new LogParams(params);
        Optional<UUID> virtualKeyId = in.uuid("virtual_key_id");
        Optional<UUID> teamId = in.uuid("team_id");
        Optional<String> provider = in.text("provider");
        Optional<String> model = in.text("model");
        Optional<Integer> status = in.integer("status", 100, 599);
        Optional<String> rule = in.text("rule");
        Optional<Instant> from = in.instant("from");
        Optional<Instant> to = in.instant("to");
        in.range(from, to);
        int limit = in.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Optional<String> cursorText = in.text("cursor");
        Optional<LogCursor> cursor = cursorText.flatMap(LogCursor::decode);
        if (cursorText.isPresent() && cursor.isEmpty()) {
            in.reject("cursor", "is not a cursor this API returned");
        }
        in.throwIfInvalid();
        return new RequestLogQuery(virtualKeyId, teamId, provider, model, status, rule, from, to, limit, cursor);
    }
}
