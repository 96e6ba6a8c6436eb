package io.iris.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iris.gateway.common.FieldError;
import io.iris.gateway.common.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigHostsTest {
    private static List<String> errorFields(List<String> allowed, List<String> denied) {
        GatewayConfig d = GatewayConfig.DEFAULTS;
        Validation v = new Validation();
        new GatewayConfig(d.requireVirtualKey(), d.routingChainMaxDepth(), d.logRequestBodies(), d.maxBodyBytes(),
                d.unpricedModels(), allowed, denied).validate(v);
        return v.errors().stream().map(FieldError::field).sorted().toList();
    }

    @Test
    void validate_hostPatternsAndCidrs_accepted() {
        assertEquals(List.of(), errorFields(List.of("api.openai.com", "*.openai.azure.com", "10.0.0.0/8"),
                List.of("2001:db8::/32", "evil.example", "192.168.1.7")));
    }

    @Test
    void validate_badEntries_400NamingEachOnce() {
        assertEquals(List.of("provider_hosts_allowed[1]", "provider_hosts_denied[0]", "provider_hosts_denied[2]"),
                errorFields(List.of("api.openai.com", "api.openai.com:443"),
                        List.of("10.0.0.1/8", "ok.example", "a\nb")));
    }
}
