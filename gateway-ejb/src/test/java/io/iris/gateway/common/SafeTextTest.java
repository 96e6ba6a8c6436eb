package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void hasUnsafe_controlsSeparatorsFormatCharactersAndLoneSurrogates_true() {
        for (String text : new String[] {"a\u0000", "a\u001fb", "\u007f", "\u0085", "\u009f", "x\u2028", "\u2029",
            "\u202e-evil", "zero\u200bwidth", "\ufeff", "lone\ud800", "\udc00"}) {
            assertTrue(SafeText.hasUnsafe(text), text);
        }
    }

    @Test
    void hasUnsafe_printableTextInAnyScript_false() {
        for (String text : new String[] {"gpt-4o", " ~", "\u00a0\u00ff", "\u2027", "mod\u00e8le", "\u6a21\u578b",
            "\ud83d\ude00"}) {
            assertFalse(SafeText.hasUnsafe(text), text);
        }
    }
}
