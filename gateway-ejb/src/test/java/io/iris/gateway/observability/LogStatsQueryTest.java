package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.InvalidInputException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogStatsQueryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void parse_groupByOnly_theLast24Hours() {
        LogStatsQuery query = LogStatsQuery.parse(Map.of("group_by", "virtual_key"), NOW);

        assertEquals(new LogStatsQuery(Instant.parse("2026-02-28T12:00:00Z"), NOW,
                LogStatsQuery.GroupBy.VIRTUAL_KEY), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"provider", "model", "virtual_key", "team", "rule"})
    void parse_everyGroupBy_accepted(String groupBy) {
        assertEquals(groupBy, LogStatsQuery.parse(Map.of("group_by", groupBy), NOW).groupBy().wireName());
    }

    @Test
    void parse_noGroupBy_rejectedNamingTheChoices() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LogStatsQuery.parse(Map.of(), NOW));

        assertEquals("group_by", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("provider, model, virtual_key, team, rule"),
                e.errors().get(0).message());
    }

    @Test
    void parse_unknownGroupByAndBadRange_bothReported() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LogStatsQuery.parse(Map.of(
                "group_by", "customer", "from", "2026-03-01T00:00:00Z", "to", "2026-03-01T00:00:00Z"), NOW));

        assertEquals(2, e.errors().size());
        assertEquals("to", e.errors().get(1).field());
    }

    @Test
    void parse_fromInTheFutureWithoutTo_rejected() {
        assertThrows(InvalidInputException.class, () -> LogStatsQuery.parse(Map.of("group_by", "rule",
                "from", "2026-03-02T00:00:00Z"), NOW));
    }
}
