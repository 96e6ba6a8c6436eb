package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void parse_literals_bytes() {
        assertEquals(4, IpAddress.parse("192.0.2.1").orElseThrow().length);
        assertEquals(4, IpAddress.parse("0.0.0.0").orElseThrow().length);
        assertEquals(16, IpAddress.parse("2001:db8::1").orElseThrow().length);
        assertEquals(16, IpAddress.parse("::").orElseThrow().length);
    }

    @Test
    void parse_notLiterals_emptyWithoutAnyLookup() {
        for (String text : new String[] {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4",
            "1..2.3", "+1.2.3.4", "1.2.3.4 ", "fe80::1%1", "[::1]", "::g", "1:2:3:4:5:6:7:8:9", "abc.def"}) {
            assertTrue(IpAddress.parse(text).isEmpty(), text);
        }
    }

    @Test
    void throttleKey_ipv4_itself() {
        assertEquals("198.51.100.7", IpAddress.throttleKey("198.51.100.7"));
    }

    @Test
    void throttleKey_ipv6_itsSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", IpAddress.throttleKey("2001:db8:1:2:aaaa::1"));
        assertEquals(IpAddress.throttleKey("2001:db8:1:2::5"), IpAddress.throttleKey("2001:db8:1:2:ffff::9"));
        assertEquals("198.51.100.7", IpAddress.throttleKey("::ffff:198.51.100.7"));
    }

    @Test
    void throttleKey_notALiteral_itself() {
        assertEquals("some:thing", IpAddress.throttleKey("some:thing"));
    }
}
