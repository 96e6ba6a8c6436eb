package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.governance.ModelFilter;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.security.VirtualKeyValues;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetResolverTest {
    private static final ProviderRoute.Network NETWORK = new ProviderRoute.Network(1000, 1000, 1000, 0, 0, 0);

    private static ProviderRoute provider(String name, String... models) {
        UpstreamKey key = new UpstreamKey(UUID.randomUUID(), "k", "secret", 1, ModelFilter.ALL, true);
        return new ProviderRoute(UUID.randomUUID(), name, ProviderType.OPENAI, "http://x", null, List.of(models),
                List.of(models).contains("*"), NETWORK, List.of(key));
    }

    private static GatewaySnapshot snapshot(ProviderRoute... providers) {
        Map<String, ProviderRoute> byName = new LinkedHashMap<>();
        for (ProviderRoute p : providers) {
            byName.put(p.name(), p);
        }
        return new GatewaySnapshot(byName, Map.of(), GatewayConfig.DEFAULTS);
    }

    private static CallerGrant caller(boolean allowAll, CallerGrant.ProviderGrant... grants) {
        return new CallerGrant(UUID.randomUUID(), "app", true, null, null, "", null, "", allowAll, List.of(grants));
    }

    private static CallerGrant.ProviderGrant grant(String provider, List<String> allowed, List<String> blocked) {
        return new CallerGrant.ProviderGrant(provider, 1, ModelFilter.of(allowed),
                blocked.isEmpty() ? ModelFilter.NONE : ModelFilter.of(blocked), Set.of());
    }

    @Test
    void resolve_providerSlashModel_explicitTargetEvenIfUnlisted() {
        Target target = TargetResolver.resolve("b/unlisted", Optional.empty(), snapshot(provider("a", "m"),
                provider("b", "x")));
        assertEquals("b", target.provider().name());
        assertEquals("unlisted", target.model());
    }

    @Test
    void resolve_bareModel_firstProviderByNameListingIt() {
        Target target = TargetResolver.resolve("m", Optional.empty(), snapshot(provider("a", "x"), provider("b", "m"),
                provider("c", "m")));
        assertEquals("b", target.provider().name());
    }

    @Test
    void resolve_slashInModelWithUnknownPrefix_treatedAsBareName() {
        Target target = TargetResolver.resolve("meta-llama/Llama-3", Optional.empty(),
                snapshot(provider("vllm", "meta-llama/Llama-3")));
        assertEquals("vllm", target.provider().name());
        assertEquals("meta-llama/Llama-3", target.model());
    }

    @Test
    void resolve_bareModelOfCallerConfig_callerConfigWinsOverProviderOrder() {
        GatewaySnapshot snapshot = snapshot(provider("a", "m"), provider("z", "m"));
        CallerGrant caller = caller(false, grant("z", List.of("*"), List.of()));
        assertEquals("z", TargetResolver.resolve("m", Optional.of(caller), snapshot).provider().name());
    }

    @Test
    void resolve_unknownModel_modelNotFound() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> TargetResolver.resolve("nope", Optional.empty(), snapshot(provider("a", "m"))));
        assertEquals(ErrorType.MODEL_NOT_FOUND, e.type());
        assertEquals(400, e.status());
    }

    @Test
    void resolve_providerWithoutGrantAndNoAllowAll_providerBlocked() {
        CallerGrant caller = caller(false, grant("a", List.of("*"), List.of()));
        GatewayException e = assertThrows(GatewayException.class,
                () -> TargetResolver.resolve("b/m", Optional.of(caller), snapshot(provider("a", "m"),
                        provider("b", "m"))));
        assertEquals(ErrorType.PROVIDER_BLOCKED, e.type());
    }

    @Test
    void resolve_blockedModelDespiteWildcard_modelBlocked() {
        CallerGrant caller = caller(false, grant("a", List.of("*"), List.of("regex:gpt-4.*")));
        GatewayException e = assertThrows(GatewayException.class,
                () -> TargetResolver.resolve("a/gpt-4o", Optional.of(caller), snapshot(provider("a", "gpt-4o"))));
        assertEquals(ErrorType.MODEL_BLOCKED, e.type());
    }

    @Test
    void fallback_providerSlash_keepsCurrentModel() {
        Optional<Target> target = TargetResolver.fallback("b/", "m", Optional.empty(), snapshot(provider("b", "x")));
        assertTrue(target.isPresent());
        assertEquals("m", target.get().model());
    }

    @Test
    void authenticate_inactiveOrExpiredKey_virtualKeyBlocked() {
        String value = VirtualKeyValues.generate();
        CallerGrant inactive = new CallerGrant(UUID.randomUUID(), "app", false, null, null, "", null, "", true,
                List.of());
        GatewaySnapshot snapshot = new GatewaySnapshot(Map.of(), Map.of(VirtualKeyValues.hash(value), inactive),
                GatewayConfig.DEFAULTS);
        GatewayException e = assertThrows(GatewayException.class, () -> CallerAuthenticator.authenticate(
                Map.of("x-api-key", value), snapshot, Instant.now()));
        assertEquals(ErrorType.VIRTUAL_KEY_BLOCKED, e.type());
    }

    @Test
    void authenticate_noKeyWhenRequired_authenticationError() {
        GatewayException e = assertThrows(GatewayException.class, () -> CallerAuthenticator.authenticate(Map.of(),
                GatewaySnapshot.EMPTY, Instant.now()));
        assertEquals(401, e.status());
    }

    @Test
    void authenticate_everyHeaderStyle_findsTheKey() {
        String value = VirtualKeyValues.generate();
        CallerGrant active = new CallerGrant(UUID.randomUUID(), "app", true, null, null, "", null, "", true,
                List.of());
        GatewaySnapshot snapshot = new GatewaySnapshot(Map.of(), Map.of(VirtualKeyValues.hash(value), active),
                GatewayConfig.DEFAULTS);
        for (Map<String, String> headers : List.of(Map.of("authorization", "Bearer " + value),
                Map.of("x-iris-vk", value), Map.of("x-api-key", value), Map.of("api-key", value))) {
            assertEquals(active, CallerAuthenticator.authenticate(headers, snapshot, Instant.now()).orElseThrow());
        }
    }

    @Test
    void grantFallbacks_callerWithWeightedConfigs_othersHeaviestFirstThatServeTheModel() {
        GatewaySnapshot snapshot = snapshot(provider("first", "m"), provider("light", "m"), provider("heavy", "m"),
                provider("other-model", "x"));
        CallerGrant caller = caller(false, weighted("first", 0.5), weighted("light", 0.1), weighted("heavy", 0.4),
                weighted("other-model", 0.9));
        Target first = TargetResolver.resolve("first/m", Optional.of(caller), snapshot);

        assertEquals(List.of("heavy/", "light/"), TargetResolver.grantFallbacks(first, Optional.of(caller), snapshot));
    }

    @Test
    void grantFallbacks_noVirtualKey_none() {
        GatewaySnapshot snapshot = snapshot(provider("a", "m"), provider("b", "m"));
        Target first = TargetResolver.resolve("a/m", Optional.empty(), snapshot);

        assertEquals(List.of(), TargetResolver.grantFallbacks(first, Optional.empty(), snapshot));
    }

    private static CallerGrant.ProviderGrant weighted(String provider, double weight) {
        return new CallerGrant.ProviderGrant(provider, weight, ModelFilter.of(List.of("*")), ModelFilter.NONE,
                Set.of());
    }
}
