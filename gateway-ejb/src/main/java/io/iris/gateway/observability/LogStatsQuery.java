package io.iris.gateway.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/logs/stats}: the time range ({@code from} inclusive, {@code to} exclusive; by default the 24 hours
 * up to now) and what to group by. Immutable.
 */
public record LogStatsQuery(Instant from, Instant to, GroupBy groupBy) {
    static final Duration DEFAULT_RANGE = Duration.ofDays(1);

    /** What the statistics are grouped by: the wire name, the column, and for ids the column of their name. */
    public enum GroupBy {
        PROVIDER("provider", "provider", null),
        MODEL("model", "model", null),
        VIRTUAL_KEY("virtual_key", "virtual_key_id", "virtual_key_name"),
        TEAM("team", "team_id", "team_name"),
        RULE("rule", "rule", null);

        private final String wireName;
        final String column;
        /** Null when the key is a name already. */
        final String nameColumn;

        GroupBy(String wireName, String column, String nameColumn) {
            this.wireName = wireName;
            this.column = column;
            this.nameColumn = nameColumn;
        }

        public String wireName() {
            return wireName;
        }

        static Optional<GroupBy> of(String wireName) {
            return Arrays.stream(values()).filter(g -> g.wireName.equals(wireName)).findFirst();
        }
    }

    /**
     * The query of these parameters (name to first value): {@code group_by} (required), {@code from}, {@code to}.
     *
     * @throws io.iris.gateway.common.InvalidInputException naming every bad parameter
     */
    public static LogStatsQuery parse(Map<String, String> params, Instant now) {
        LogParams in = new LogParams(params);
        Optional<String> name = in.text("group_by");
        Optional<GroupBy> groupBy = name.flatMap(GroupBy::of);
        if (groupBy.isEmpty()) {
            in.reject("group_by", (name.isEmpty() ? "is required" : "is not known") + "; one of "
                    + Arrays.stream(GroupBy.values()).map(GroupBy::wireName).collect(Collectors.joining(", ")));
        }
        Optional<Instant> from = in.instant("from");
        Optional<Instant> to = in.instant("to");
        in.range(from, to);
        if (from.isPresent() && to.isEmpty() && !from.get().isBefore(now)) {
            in.reject("from", "must be in the past when to is not given");
        }
        in.throwIfInvalid();
        Instant end = to.orElse(now);
        return new LogStatsQuery(from.orElse(end.minus(DEFAULT_RANGE)), end, groupBy.get());
    }
}
