package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAddressTest {

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
