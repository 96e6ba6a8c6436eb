package io.iris.gateway.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.IpLiterals;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {
    private static final EgressPolicy DEFAULT = EgressPolicy.BUILT_IN;

    private static byte[] address(String literal) {
        return IpLiterals.parse(literal).orElseThrow(() -> new AssertionError("not a literal: " + literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data", "http://169.254.170.2/v2/credentials", "https://169.254.0.1",
        "http://[fe80::1]/", "http://[FE80::abcd:1]:8080/v1", "http://[febf::1]/", "http://[fd00:ec2::254]/",
        "http://0.0.0.0:8080/", "http://0.1.2.3/", "http://[::]/", "http://[::ffff:169.254.169.254]/",
        "http://[::ffff:a9fe:a9fe]/", "http://[::169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:a9fe:a9fe::1]/", "http://[::ffff:0.0.0.0]/", "http://100.100.100.200/",
        "http://224.0.0.1/", "http://255.255.255.255/", "http://[ff02::1]/",
        "http://metadata.google.internal/computeMetadata/v1", "http://METADATA.Google.Internal./",
        "http://metadata/", "http://metadata.goog/", "http://instance-data/", "http://instance-data.ec2.internal./",
        "http://2852039166/", "http://0xa9fea9fe/", "http://0XA9FEA9FE/", "http://0251.0376.0251.0376/",
        "http://169.254.43518/", "http://0x7f.1/", "http://127.1/", "http://017700000001/",
        "http://[fe80::1%25eth0]/", "ftp://example.com/", "file:///etc/passwd", "http://user:pw@api.example.com/",
        "http://api.openai.com@169.254.169.254/"})
    void refusesUrl_builtInDeniedOrMalformed_refused(String url) {
        assertTrue(DEFAULT.refusesUrl(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://api.openai.com/v1", "http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8000/",
        "http://10.1.2.3/v1", "http://192.168.1.20:8080", "https://my-resource.openai.azure.com",
        "http://169.253.255.255/", "http://169.255.0.1/", "http://[fe7f::1]/", "http://[fec0::1]/",
        "https://metadata.example.com/", "http://1.2.3.4.example.com/", "http://a0x12.example/"})
    void refusesUrl_ordinaryHost_allowed(String url) {
        assertEquals(Optional.empty(), DEFAULT.refusesUrl(url), url);
    }

    @Test
    void refusesUrl_metadataAddress_reasonNamesTheHostWithoutGuessing() {
        String reason = DEFAULT.refusesUrl("http://169.254.169.254/v1").orElseThrow();

        assertTrue(reason.contains("169.254.169.254") && reason.contains("metadata"), reason);
    }

    @Test
    void checkHost_nonCanonicalNumber_refusedAsAmbiguous() {
        for (String host : new String[] {"2852039166", "0xa9fea9fe", "127.1", "01.2.3.4", "1.2.3.04", "1.2.3.256"}) {
            HostCheck check = DEFAULT.checkHost(host);
            assertTrue(check.refused(), host);
        }
        assertTrue(DEFAULT.checkHost("1.2.3.04").reason().contains("ambiguous"));
    }

    @Test
    void refusesAddress_resolvedToDeniedAddress_refusedEvenWhenTheNameIsAllowed() {
        HostCheck name = DEFAULT.checkHost("innocent.example.com");

        assertEquals(HostCheck.Outcome.ALLOWED, name.outcome());
        assertTrue(DEFAULT.refusesAddress(address("169.254.169.254"), name).isPresent());
        assertTrue(DEFAULT.refusesAddress(address("::ffff:169.254.169.254"), name).isPresent());
        assertTrue(DEFAULT.refusesAddress(address("fd00:ec2::254"), name).isPresent());
        assertEquals(Optional.empty(), DEFAULT.refusesAddress(address("93.184.216.34"), name));
        assertEquals(Optional.empty(), DEFAULT.refusesAddress(address("::1"), name));
    }

    @Test
    void deniedList_hostPatternsAndCidrs_refuseMatchingHostsOnly() {
        EgressPolicy policy = EgressPolicy.from(List.of(),
                List.of("evil.example.com", "*.internal.example", "10.0.0.0/8", "2001:db8::/32"));

        assertTrue(policy.refusesUrl("http://EVIL.example.com./v1").isPresent());
        assertTrue(policy.refusesUrl("http://a.b.internal.example/v1").isPresent());
        assertFalse(policy.refusesUrl("http://internal.example/v1").isPresent(), "*. covers subdomains only");
        assertFalse(policy.refusesUrl("http://notevil.example.com/v1").isPresent());
        assertTrue(policy.refusesUrl("http://10.20.30.40/").isPresent());
        assertTrue(policy.refusesUrl("http://[2001:db8::7]/").isPresent());
        assertTrue(policy.refusesUrl("http://[::ffff:10.0.0.1]/").isPresent());
        assertFalse(policy.refusesUrl("http://11.0.0.1/").isPresent());
        HostCheck name = policy.checkHost("llm.example.com");
        assertEquals(Optional.of(EgressPolicy.DENIED), policy.refusesAddress(address("10.1.1.1"), name));
        assertEquals(Optional.of(EgressPolicy.DENIED), policy.refusesAddress(address("64:ff9b::a01:101"), name));
    }

    @Test
    void allowedList_namesOnly_refusesEveryOtherHost() {
        EgressPolicy policy = EgressPolicy.from(List.of("api.openai.com", "*.openai.azure.com"), List.of());

        assertFalse(policy.refusesUrl("https://api.openai.com/v1").isPresent());
        assertFalse(policy.refusesUrl("https://eu.openai.azure.com").isPresent());
        assertTrue(policy.refusesUrl("https://openai.azure.com").isPresent());
        assertTrue(policy.refusesUrl("http://localhost:8000").isPresent());
        assertTrue(policy.refusesUrl("http://127.0.0.1:8000").isPresent());
        assertEquals("host localhost " + EgressPolicy.NOT_ALLOWED, policy.refusesUrl("http://localhost/").get());
    }

    @Test
    void allowedList_withCidr_nameLeftToItsAddresses() {
        EgressPolicy policy = EgressPolicy.from(List.of("10.0.0.0/8"), List.of());
        HostCheck name = policy.checkHost("llm.corp.example");

        assertEquals(HostCheck.Outcome.ADDRESS_DECIDES, name.outcome());
        assertFalse(policy.refusesUrl("http://llm.corp.example/v1").isPresent());
        assertEquals(Optional.empty(), policy.refusesAddress(address("10.9.8.7"), name));
        assertEquals(Optional.of(EgressPolicy.NOT_ALLOWED), policy.refusesAddress(address("192.168.1.1"), name));
        assertFalse(policy.refusesUrl("http://10.2.3.4/").isPresent());
        assertTrue(policy.refusesUrl("http://192.168.1.1/").isPresent());
    }

    @Test
    void deniedList_winsOverAllowedList() {
        EgressPolicy policy = EgressPolicy.from(List.of("*.example.com", "10.0.0.0/8"),
                List.of("bad.example.com", "10.6.0.0/16"));

        assertFalse(policy.refusesUrl("http://good.example.com/").isPresent());
        assertEquals("host bad.example.com " + EgressPolicy.DENIED, policy.refusesUrl("http://bad.example.com/").get());
        assertFalse(policy.refusesUrl("http://10.5.0.1/").isPresent());
        assertTrue(policy.refusesUrl("http://10.6.0.1/").isPresent());
        HostCheck allowedName = policy.checkHost("good.example.com");
        assertEquals(Optional.of(EgressPolicy.DENIED), policy.refusesAddress(address("10.6.1.1"), allowedName));
    }

    @Test
    void allowedList_cannotAllowTheBuiltInDenyList() {
        EgressPolicy policy = EgressPolicy.from(List.of("169.254.0.0/16", "metadata.google.internal", "::/0"),
                List.of());

        assertTrue(policy.refusesUrl("http://169.254.169.254/").isPresent());
        assertTrue(policy.refusesUrl("http://metadata.google.internal/").isPresent());
        assertTrue(policy.refusesUrl("http://[fe80::1]/").isPresent());
    }

    @Test
    void loopbackDeniedByCidr_localhostResolvingThere_refusedOnAddress() {
        EgressPolicy policy = EgressPolicy.from(List.of(), List.of("127.0.0.0/8", "::1"));
        HostCheck name = policy.checkHost("localhost");

        assertEquals(HostCheck.Outcome.ALLOWED, name.outcome(), "the name alone is not denied");
        assertEquals(Optional.of(EgressPolicy.DENIED), policy.refusesAddress(address("127.0.0.1"), name));
        assertEquals(Optional.of(EgressPolicy.DENIED), policy.refusesAddress(address("::1"), name));
        assertTrue(policy.refusesUrl("http://127.0.0.1:9000/").isPresent());
    }

    @Test
    void from_entriesThatDoNotParse_leftOutButAllowedListStillRestricts() {
        EgressPolicy policy = EgressPolicy.from(List.of("not a host"), List.of("api.example.com:443"));

        assertEquals(List.of("not a host", "api.example.com:443"), policy.ignoredEntries());
        assertTrue(policy.refusesUrl("https://api.openai.com/").isPresent(), "an invalid allowed list allows nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.openai.com", "API.OpenAI.com.", "*.openai.azure.com", "localhost", "10.0.0.0/8",
        "10.1.2.3", "0.0.0.0/0", "2001:db8::/32", "[2001:db8::1]", "::1", "fd00::/8", "my_host.corp", "*.com"})
    void entryProblem_validEntry_none(String entry) {
        assertEquals(Optional.empty(), EgressPolicy.entryProblem(entry), entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "*.", "https://api.openai.com", "api.openai.com:443", "api.openai.com/v1",
        "a..b", "-a.com", "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "2001:db8::1/32", "2001:db8::/129",
        "2852039166", "0xa9fea9fe", "010.0.0.1", "127.1", "fe80::1%eth0", "a*.example.com", "ex ample.com",
        "exämple.com", "1.2.3.4/x"})
    void entryProblem_badEntry_described(String entry) {
        assertTrue(EgressPolicy.entryProblem(entry).isPresent(), entry);
    }
}
