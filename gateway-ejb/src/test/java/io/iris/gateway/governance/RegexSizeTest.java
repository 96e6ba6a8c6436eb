package io.iris.gateway.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegexSizeTest {
    @Test
    void of_plainPatterns_aboutTheirLength() {
        assertEquals(6, RegexSize.of("gpt-4o"));
        assertTrue(RegexSize.of("(a+)+$") <= 6);
        assertTrue(RegexSize.of("claude-(3|3\\.5)-.*") < 20);
    }

    @Test
    void of_countedRepetition_copiesItsAtom() {
        assertTrue(RegexSize.of("a{1000}") >= 1000);
        assertTrue(RegexSize.of("(abc){100}") >= 300);
        assertTrue(RegexSize.of("a{5,}") >= 6);
        assertTrue(RegexSize.of("[a-z]{2,50}?") >= 50);
    }

    @Test
    void of_nestedRepetitions_multiply() {
        assertTrue(RegexSize.of("(a{100}){100}") >= 10_000);
        assertTrue(RegexSize.of("(?:(?i:a{100}){100}){100}") >= 1_000_000);
        assertEquals(RegexSize.SATURATED, RegexSize.of("((a{1000}){1000}){1000}"));
        assertTrue(RegexSize.of("(?P<x>(a{100})){100}") >= 10_000);
    }

    @Test
    void of_bracesThatAreNotRepetitions_countedAsLiterals() {
        assertTrue(RegexSize.of("a{,5}") < 10);
        assertTrue(RegexSize.of("[{1000}]") < 5, "inside a class");
        assertTrue(RegexSize.of("\\{1000}") < 10, "escaped");
        assertTrue(RegexSize.of("\\Qa{1000}\\E") < 10, "quoted");
        assertTrue(RegexSize.of("\\p{Greek}{10}") >= 10);
        assertTrue(RegexSize.of("[]a]{100}") >= 100, "']' first in a class is a member");
    }
}
