package io.iris.gateway.governance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFilterTest {
    @Test
    void matches_regexPattern_wholeNameOnly() {
        ModelFilter filter = ModelFilter.of(List.of("regex:gpt-4o(-mini)?", "claude-3"));

        assertTrue(filter.matches("gpt-4o"));
        assertTrue(filter.matches("gpt-4o-mini"));
        assertTrue(filter.matches("claude-3"));
        assertFalse(filter.matches("xgpt-4o"), "a full match, not a search");
        assertFalse(filter.matches("gpt-4o-mini-2"));
    }

    @Test
    void matches_catastrophicPatternOnLongName_answersWithoutBacktracking() {
        ModelFilter filter = ModelFilter.of(List.of("regex:(a+)+$", "regex:(a|a)*b", "regex:(.*a){20}"));
        String hostile = "a".repeat(50_000) + "!";

        assertFalse(filter.matches(hostile));
        assertTrue(filter.matches("a".repeat(1000)));
    }

    @Test
    void of_storedPatternRe2Rejects_allowListMatchesNothingBlockListEverything() {
        List<String> javaOnly = List.of("regex:(?=gpt)gpt.*");

        assertFalse(ModelFilter.of(javaOnly).matches("gpt-4o"));
        assertTrue(ModelFilter.blocking(javaOnly).matches("gpt-4o"));
        assertTrue(ModelFilter.blocking(List.of("regex:((a{1000}){1000}){1000}")).matches("llama"));
    }

    @Test
    void blocking_validPatterns_blockOnlyWhatTheyMatch() {
        ModelFilter blocked = ModelFilter.blocking(List.of("regex:.*-preview", "o1"));

        assertTrue(blocked.matches("gpt-5-preview"));
        assertTrue(blocked.matches("o1"));
        assertFalse(blocked.matches("gpt-5"));
    }
}
