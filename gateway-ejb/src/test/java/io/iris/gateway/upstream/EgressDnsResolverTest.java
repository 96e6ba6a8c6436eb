package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iris.gateway.egress.EgressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

class EgressDnsResolverTest {
    /** A resolver stub: fixed answers, and the names it was asked for. */
    private static final class Stub implements DnsResolver {
        private final Map<String, InetAddress[]> answers;
        final List<String> asked = new ArrayList<>();

        Stub(Map<String, InetAddress[]> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            InetAddress[] answer = answers.get(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            return answer;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] result = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            result[i] = InetAddress.getByName(literals[i]);
        }
        return result;
    }

    @Test
    void resolve_nameResolvingToMetadataAddress_refusedWithoutDetails() throws Exception {
        Stub dns = new Stub(Map.of("rebind.example.com", addresses("169.254.169.254")));
        EgressDnsResolver resolver = new EgressDnsResolver(() -> EgressPolicy.BUILT_IN, dns);

        EgressRefusedException refused = assertThrows(EgressRefusedException.class,
                () -> resolver.resolve("rebind.example.com"));

        assertEquals("the provider's address is not allowed", refused.getMessage());
        assertEquals(List.of("rebind.example.com"), dns.asked);
    }

    @Test
    void resolve_oneOfSeveralAddressesDenied_refusedWhole() throws Exception {
        Stub dns = new Stub(Map.of("mixed.example.com", addresses("93.184.216.34", "::ffff:169.254.169.254")));
        EgressDnsResolver resolver = new EgressDnsResolver(() -> EgressPolicy.BUILT_IN, dns);

        assertThrows(EgressRefusedException.class, () -> resolver.resolve("mixed.example.com"));
    }

    @Test
    void resolve_deniedNameOrLiteral_refusedBeforeAskingDns() throws Exception {
        Stub dns = new Stub(Map.of());
        EgressDnsResolver resolver = new EgressDnsResolver(() -> EgressPolicy.BUILT_IN, dns);

        assertThrows(EgressRefusedException.class, () -> resolver.resolve("metadata.google.internal"));
        assertThrows(EgressRefusedException.class, () -> resolver.resolve("2852039166"));
        assertThrows(EgressRefusedException.class, () -> resolver.resolve("[fe80::1]"));
        assertEquals(List.of(), dns.asked);
    }

    @Test
    void resolve_allowedAddresses_returnedAsResolved() throws Exception {
        InetAddress[] local = addresses("127.0.0.1", "::1");
        Stub dns = new Stub(Map.of("localhost", local));
        EgressDnsResolver resolver = new EgressDnsResolver(() -> EgressPolicy.BUILT_IN, dns);

        assertArrayEquals(local, resolver.resolve("localhost"));
    }

    @Test
    void resolve_policyChanged_nextResolveUsesTheNewPolicy() throws Exception {
        Stub dns = new Stub(Map.of("localhost", addresses("127.0.0.1")));
        AtomicReference<EgressPolicy> policy = new AtomicReference<>(EgressPolicy.BUILT_IN);
        EgressDnsResolver resolver = new EgressDnsResolver(policy::get, dns);
        resolver.resolve("localhost");

        policy.set(EgressPolicy.from(List.of(), List.of("127.0.0.0/8")));

        assertThrows(EgressRefusedException.class, () -> resolver.resolve("localhost"));
    }

    @Test
    void resolve_unknownHost_failsAsUnknownNotAsRefused() {
        EgressDnsResolver resolver = new EgressDnsResolver(() -> EgressPolicy.BUILT_IN, new Stub(Map.of()));

        UnknownHostException failure = assertThrows(UnknownHostException.class, () -> resolver.resolve("nowhere.test"));
        assertEquals(UnknownHostException.class, failure.getClass());
    }
}
