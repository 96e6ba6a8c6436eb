package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VirtualKeyValuesTest {

    @Test
    void generate_always_prefixAndFortyBase62Characters() {
        String value = VirtualKeyValues.generate();
        assertTrue(value.matches("sk-iris-[0-9A-Za-z]{40}"), value);
        assertNotEquals(value, VirtualKeyValues.generate());
    }

    @Test
    void hash_knownValue_lowerHexSha256() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                VirtualKeyValues.hash("hello"));
    }

    @Test
    void hint_virtualKey_showsPrefixAndLastFour() {
        assertEquals("sk-iris-...WXYZ", VirtualKeyValues.hint("sk-iris-0123456789abcdefghijklmnopqrstuvWXYZ"));
    }

    @Test
    void mask_longValue_firstThreeAndLastFour() {
        assertEquals("sk-...f3a9", VirtualKeyValues.mask("sk-abcdefghijklmnopf3a9"));
    }

    @Test
    void mask_shortValues_revealLessOrNothing() {
        assertEquals("...6789", VirtualKeyValues.mask("abc456789"));
        assertEquals("...", VirtualKeyValues.mask("short"));
    }
}
