package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void of_printableAscii_sameString() {
        String model = "gpt-4o-mini (eu) 100%";
        assertSame(model, HeaderValues.of(model));
    }

    @Test
    void of_lineBreaksAndControls_percentEncodedSoNoHeaderLineEnds() {
        assertEquals("eu%0D%0Ax-evil: 1", HeaderValues.of("eu\r\nx-evil: 1"));
        assertEquals("a%00b%7Fc%09", HeaderValues.of("a\u0000b\u007fc\t"));
    }

    @Test
    void of_nonAscii_percentEncodedAsUtf8() {
        assertEquals("mod%C3%A8le-%E6%A8%A1-%F0%9F%9A%80", HeaderValues.of("modèle-模-\uD83D\uDE80"));
        assertEquals("x%E2%80%A8y", HeaderValues.of("x\u2028y"));
    }
}
