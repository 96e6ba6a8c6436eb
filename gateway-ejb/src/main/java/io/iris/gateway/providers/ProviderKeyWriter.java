package io.iris.gateway.providers;

import io.iris.gateway.common.Validation;
import io.iris.gateway.security.GatewaySecrets;
import io.iris.gateway.security.VirtualKeyValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Validates provider keys and writes them onto their provider, encrypting values. Values never appear in an
 * error message. Stateless and thread-safe.
 */
@ApplicationScoped
public class ProviderKeyWriter {
    static final int MAX_KEYS = 100;
    static final int MAX_VALUE_LENGTH = 4096;

    @Inject
    GatewaySecrets secrets;

    /** Checks a whole replacement list; {@code current} is null on create. */
    public void validateAll(Validation v, Provider current, List<ProviderKeySpec> keys) {
        v.check(keys.size() <= MAX_KEYS, "keys", "must have at most " + MAX_KEYS + " entries");
        Set<UUID> known = current == null ? Set.of()
                : current.getKeys().stream().map(ProviderKey::getId).collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ProviderKeySpec key = keys.get(i);
            String path = "keys[" + i + "]";
            boolean existing = key.id() != null && known.contains(key.id());
            v.check(key.id() == null || existing, path + ".id", "is not a key of this provider");
            v.check(key.id() == null || ids.add(key.id()), path + ".id", "appears twice");
            validateOne(v, path + ".", key, existing);
            v.check(key.name() == null || names.add(key.name()), path + ".name", "appears twice in keys");
        }
    }

    /** Checks one key; {@code existing} says whether it updates a stored key (whose value may be kept). */
    public void validateOne(Validation v, String prefix, ProviderKeySpec key, boolean existing) {
        v.name(prefix + "name", key.name());
        if (key.value() == null) {
            v.check(existing, prefix + "value", "is required for a new key");
        } else {
            v.check(!key.value().isBlank() && key.value().length() <= MAX_VALUE_LENGTH, prefix + "value",
                    "must be 1 to " + MAX_VALUE_LENGTH + " characters");
        }
        if (key.weight() != null) {
            v.check(Double.isFinite(key.weight()) && key.weight() > 0, prefix + "weight",
                    "must be a finite number greater than 0");
        }
        v.shortStrings(prefix + "models", key.models(), ProviderValidation.MAX_MODELS);
    }

    public void replaceAll(Provider provider, List<ProviderKeySpec> specs) {
        Map<UUID, ProviderKey> existing = provider.getKeys().stream()
                .collect(Collectors.toMap(ProviderKey::getId, Function.identity()));
        List<ProviderKey> next = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            ProviderKeySpec spec = specs.get(i);
            ProviderKey key = spec.id() == null ? null : existing.get(spec.id());
            if (key == null) {
                key = new ProviderKey(provider);
            }
            apply(key, spec, i);
            next.add(key);
        }
        provider.getKeys().clear();
        provider.getKeys().addAll(next);
    }

    public void apply(ProviderKey key, ProviderKeySpec spec, int position) {
        key.setPosition(position);
        key.setName(spec.name());
        if (spec.value() != null) {
            key.setValue(secrets.cipher().encrypt(spec.value()), VirtualKeyValues.mask(spec.value()));
        }
        key.setWeight(spec.weight() == null ? 1.0 : spec.weight());
        key.setModels(spec.models() == null ? List.of("*") : spec.models());
        key.setEnabled(spec.enabled() == null || spec.enabled());
    }
}
