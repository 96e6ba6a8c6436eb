package io.iris.gateway.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {
    @Test
    void ipv4_canonicalOnly() {
        assertArrayEquals(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254},
                IpLiterals.ipv4("169.254.169.254").orElseThrow());
        for (String odd : new String[] {"2852039166", "0251.0376.0251.0376", "0xa9fea9fe", "169.254.43518", "1.2.3",
            "1.2.3.4.", "01.2.3.4", "256.1.1.1", "1.2.3.-4", "+1.2.3.4", " 1.2.3.4"}) {
            assertTrue(IpLiterals.ipv4(odd).isEmpty(), odd);
        }
    }

    @Test
    void ipv6_bracketsAllowedZoneAndNamesRefused() {
        assertEquals(16, IpLiterals.ipv6("[fe80::1]").orElseThrow().length);
        assertEquals(16, IpLiterals.ipv6("2001:DB8::1").orElseThrow().length);
        assertEquals(4, IpLiterals.ipv6("::ffff:169.254.169.254").orElseThrow().length, "mapped comes back as IPv4");
        assertTrue(IpLiterals.ipv6("fe80::1%eth0").isEmpty());
        assertTrue(IpLiterals.ipv6("example.com").isEmpty());
        assertTrue(IpLiterals.ipv6("1:2:3:4:5:6:7:8:9").isEmpty());
    }

    @Test
    void looksNumeric_lastLabelDecimalOrHex() {
        assertTrue(IpLiterals.looksNumeric("2852039166"));
        assertTrue(IpLiterals.looksNumeric("0xa9fea9fe"));
        assertTrue(IpLiterals.looksNumeric("evil.example.0x10"));
        assertTrue(IpLiterals.looksNumeric("1.2.3.4"));
        assertFalse(IpLiterals.looksNumeric("1.2.3.com"));
        assertFalse(IpLiterals.looksNumeric("api.openai.com"));
        assertFalse(IpLiterals.looksNumeric("0xzz"));
    }

    @Test
    void ipRange_containsByPrefix() {
        IpRange range = IpRange.parse("169.254.0.0/16");

        assertTrue(range.contains(IpLiterals.parse("169.254.255.1").orElseThrow()));
        assertFalse(range.contains(IpLiterals.parse("169.255.0.1").orElseThrow()));
        assertFalse(range.contains(IpLiterals.parse("fe80::1").orElseThrow()), "another family");
        assertTrue(IpRange.parse("fe80::/10").contains(IpLiterals.parse("febf:ffff::1").orElseThrow()));
        assertFalse(IpRange.parse("fe80::/10").contains(IpLiterals.parse("fec0::1").orElseThrow()));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(IpLiterals.parse("8.8.8.8").orElseThrow()));
    }

    @Test
    void parse_notLiterals_emptyWithoutAnyLookup() {
        for (String text : new String[] {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4",
            "1..2.3", "+1.2.3.4", "1.2.3.4 ", "fe80::1%1", "::g", "1:2:3:4:5:6:7:8:9", "abc.def"}) {
            assertTrue(IpLiterals.parse(text).isEmpty(), text);
        }
    }
}
