package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.ProviderRoute;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the routing decision (or the client's {@code model}) into a target (API.md §1) and checks the caller may
 * use it (API.md §4). A provider chosen by the rules or named by the client is used as is; a bare name goes to
 * the caller's weighted provider configs, then to the first provider (by name) listing the model. Stateless.
 */
public final class TargetResolver {
    private TargetResolver() {
    }

    /** The target of a routing decision: its provider and model, and the key its rule pins. */
    public static Target resolve(RoutingDecision decision, Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        Target target;
        if (decision.provider().isEmpty()) {
            target = bare(decision.model(), caller, snapshot);
        } else {
            ProviderRoute provider = snapshot.provider(decision.provider()).orElseThrow(() -> new GatewayException(
                    ErrorType.MODEL_NOT_FOUND, ErrorType.MODEL_NOT_FOUND.status(), "the provider '"
                    + decision.provider() + "' chosen by rule '" + decision.rule().orElse("") + "' does not exist",
                    "model"));
            target = authorize(provider, decision.model(), caller);
        }
        return decision.keyId().map(pin -> pinned(target, pin)).orElse(target);
    }

    private static Target pinned(Target target, UUID key) {
        if (!target.keyIds().isEmpty() && !target.keyIds().contains(key)) {
            throw new GatewayException(ErrorType.PROVIDER_BLOCKED, "the virtual key may not use the provider key "
                    + "that the routing rule pins at provider '" + target.provider().name() + "'");
        }
        return new Target(target.provider(), target.model(), Set.of(key));
    }

    public static Target resolve(String requested, Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        int slash = requested.indexOf('/');
        if (slash > 0) {
            Optional<ProviderRoute> named = snapshot.provider(requested.substring(0, slash));
            if (named.isPresent()) {
                return authorize(named.get(), requested.substring(slash + 1), caller);
            }
        }
        return bare(requested, caller, snapshot);
    }

    /** A fallback entry {@code provider/model}, or {@code provider/} to keep {@code currentModel}. */
    public static Optional<Target> fallback(String entry, String currentModel, Optional<CallerGrant> caller,
                                            GatewaySnapshot snapshot) {
        int slash = entry.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String model = slash == entry.length() - 1 ? currentModel : entry.substring(slash + 1);
        return snapshot.provider(entry.substring(0, slash)).map(p -> authorize(p, model, caller));
    }

    /**
     * The fallbacks a request gets when neither it nor its deciding rule names any (API.md §3): the caller's other
     * weighted provider configs that may serve {@code first}'s model and whose provider lists it, heaviest first,
     * as {@code provider/} entries (the model stays). Empty without a virtual key.
     */
    public static List<String> grantFallbacks(Target first, Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        if (caller.isEmpty()) {
            return List.of();
        }
        String model = first.model();
        return caller.get().providerGrants().stream()
                .filter(g -> !g.provider().equals(first.provider().name()))
                .filter(g -> g.weight() > 0 && g.allows(model))
                .filter(g -> snapshot.provider(g.provider()).map(p -> p.lists(model)).orElse(false))
                .sorted(Comparator.comparingDouble(CallerGrant.ProviderGrant::weight).reversed())
                .map(g -> g.provider() + "/")
                .toList();
    }

    private static Target bare(String model, Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        if (caller.isPresent()) {
            List<CallerGrant.ProviderGrant> grants = caller.get().providerGrants().stream()
                    .filter(g -> g.allows(model))
                    .filter(g -> snapshot.provider(g.provider()).map(p -> p.lists(model)).orElse(false))
                    .toList();
            Optional<CallerGrant.ProviderGrant> picked = Weighted.pick(grants, CallerGrant.ProviderGrant::weight);
            if (picked.isPresent()) {
                return authorize(snapshot.provider(picked.get().provider()).orElseThrow(), model, caller);
            }
        }
        return snapshot.providersInOrder().stream()
                .filter(p -> p.lists(model))
                .findFirst()
                .map(p -> authorize(p, model, caller))
                .orElseThrow(() -> new GatewayException(ErrorType.MODEL_NOT_FOUND, ErrorType.MODEL_NOT_FOUND.status(),
                        "no provider serves the model '" + model + "'", "model"));
    }

    static Target authorize(ProviderRoute provider, String model, Optional<CallerGrant> caller) {
        if (model.isEmpty()) {
            throw new GatewayException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.status(),
                    "'model' names a provider but no model", "model");
        }
        if (caller.isEmpty()) {
            return new Target(provider, model, Set.of());
        }
        Optional<CallerGrant.ProviderGrant> grant = caller.get().grantFor(provider.name());
        if (grant.isPresent()) {
            if (!grant.get().allows(model)) {
                throw new GatewayException(ErrorType.MODEL_BLOCKED, "the virtual key may not use the model '"
                        + model + "' at provider '" + provider.name() + "'");
            }
            return new Target(provider, model, grant.get().keyIds());
        }
        if (!caller.get().allowAllProviders()) {
            throw new GatewayException(ErrorType.PROVIDER_BLOCKED, "the virtual key may not use the provider '"
                    + provider.name() + "'");
        }
        return new Target(provider, model, Set.<UUID>of());
    }
}
