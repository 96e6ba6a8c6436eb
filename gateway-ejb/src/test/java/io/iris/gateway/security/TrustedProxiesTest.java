package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1 ,::1, fd00:1::/32");

    @Test
    void clientAddress_noTrustedProxies_socketAddressWhateverTheHeaderSays() {
        assertEquals("203.0.113.5", TrustedProxies.none().clientAddress("203.0.113.5", List.of("198.51.100.1")));
        assertEquals("203.0.113.5", TrustedProxies.parse("").clientAddress("203.0.113.5", List.of("198.51.100.1")));
    }

    @Test
    void clientAddress_untrustedSocket_headerIgnored() {
        assertEquals("203.0.113.5", proxies.clientAddress("203.0.113.5", List.of("198.51.100.1")));
    }

    @Test
    void clientAddress_trustedSocket_rightmostHop() {
        assertEquals("198.51.100.1", proxies.clientAddress("127.0.0.1", List.of("198.51.100.1")));
    }

    @Test
    void clientAddress_spoofedHopsOnTheLeft_rightmostUntrustedHopWins() {
        assertEquals("198.51.100.1", proxies.clientAddress("127.0.0.1",
                List.of("1.1.1.1, 2.2.2.2, 198.51.100.1, 10.1.2.3")));
    }

    @Test
    void clientAddress_severalHeaderLines_readInOrder() {
        assertEquals("198.51.100.9", proxies.clientAddress("10.9.9.9",
                List.of("1.1.1.1", "198.51.100.9, 10.0.0.2")));
    }

    @Test
    void clientAddress_noHeader_socketAddress() {
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", List.of()));
    }

    @Test
    void clientAddress_onlyTrustedHops_leftmostHop() {
        assertEquals("10.0.0.1", proxies.clientAddress("127.0.0.1", List.of("10.0.0.1, 10.0.0.2")));
    }

    @Test
    void clientAddress_garbageHop_stopsAtTheLastTrustedHop() {
        assertEquals("10.0.0.2", proxies.clientAddress("127.0.0.1", List.of("198.51.100.1, evil.example, 10.0.0.2")));
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", List.of("unknown")));
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", List.of("")));
    }

    @Test
    void clientAddress_hopsWithPortsAndIpv6_normalised() {
        assertEquals("198.51.100.1", proxies.clientAddress("127.0.0.1", List.of("198.51.100.1:4711")));
        assertEquals("2001:db8:0:0:0:0:0:7", proxies.clientAddress("127.0.0.1", List.of("[2001:db8::7]:443")));
        assertEquals("2001:db8:0:0:0:0:0:7", proxies.clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db8::7")));
        assertEquals("198.51.100.1", proxies.clientAddress("127.0.0.1", List.of("::ffff:198.51.100.1")));
    }

    @Test
    void clientAddress_ipv6TrustedNetwork_matchesByPrefix() {
        assertEquals("198.51.100.1", proxies.clientAddress("fd00:1:ffff::1", List.of("198.51.100.1")));
        assertEquals("fd00:2::1", proxies.clientAddress("fd00:2::1", List.of("198.51.100.1")), "untrusted: as given");
    }

    @Test
    void clientAddress_paddedHeader_walksAtMostMaxHops() {
        String padded = String.join(",", Collections.nCopies(1_000, "10.0.0.1"));
        assertEquals("10.0.0.1", proxies.clientAddress("127.0.0.1", List.of("198.51.100.1," + padded)));
    }

    @Test
    void trusts_cidrBoundaries() {
        TrustedProxies net = TrustedProxies.parse("192.0.2.64/26");
        assertFalse(net.trusts("192.0.2.63"));
        assertTrue(net.trusts("192.0.2.64"));
        assertTrue(net.trusts("192.0.2.127"));
        assertFalse(net.trusts("192.0.2.128"));
        assertFalse(net.trusts("not-an-address"));
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.1"));
        assertFalse(TrustedProxies.parse("0.0.0.0/0").trusts("::1"), "families never match");
    }

    @Test
    void parse_invalidEntries_refusedNamingTheEntry() {
        for (String list : new String[] {"localhost", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.1/x",
            "fe80::1%eth0", "256.1.1.1", "01.2.3.4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrustedProxies.parse(list), list);
            assertTrue(e.getMessage().contains(list), e.getMessage());
        }
    }

    @Test
    void parse_emptyOrBlank_none() {
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse(" , ").isEmpty());
        assertFalse(proxies.isEmpty());
    }
}
