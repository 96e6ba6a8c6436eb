package io.iris.gateway.providers;

import io.iris.gateway.common.Validation;
import io.iris.gateway.governance.ModelPatterns;
import io.iris.gateway.security.GatewaySecrets;
import io.iris.gateway.security.VirtualKeyValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
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
        List<ProviderKey> matched = current == null ? Collections.nCopies(keys.size(), null)
                : matchExisting(current, keys);
        Set<String> names = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ProviderKeySpec key = keys.get(i);
            String path = "keys[" + i + "]";
            boolean existing = matched.get(i) != null;
            v.check(key.id() == null || known.contains(key.id()), path + ".id", "is not a key of this provider");
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
        ModelPatterns.validate(v, prefix + "models", key.models());
    }

    public void replaceAll(Provider provider, List<ProviderKeySpec> specs) {
        List<ProviderKey> matched = matchExisting(provider, specs);
        List<ProviderKey> next = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            ProviderKey key = matched.get(i) == null ? new ProviderKey(provider) : matched.get(i);
            apply(key, specs.get(i), i);
            next.add(key);
        }
        provider.getKeys().clear();
        provider.getKeys().addAll(next);
    }

    /** The stored keys that a replacement list would remove. */
    public List<ProviderKey> droppedBy(Provider provider, List<ProviderKeySpec> specs) {
        Set<ProviderKey> kept = new HashSet<>(matchExisting(provider, specs));
        return provider.getKeys().stream().filter(k -> !kept.contains(k)).toList();
    }

    /**
     * Pairs each spec with the stored key it updates, or null for a new key: by id, or else by name, so that
     * re-sending a key by name replaces its value instead of clashing with it.
     */
    private static List<ProviderKey> matchExisting(Provider provider, List<ProviderKeySpec> specs) {
        Map<UUID, ProviderKey> byId = provider.getKeys().stream()
                .collect(Collectors.toMap(ProviderKey::getId, Function.identity()));
        Set<UUID> claimedById = specs.stream().map(ProviderKeySpec::id).filter(byId::containsKey)
                .collect(Collectors.toSet());
        Map<String, ProviderKey> unclaimedByName = provider.getKeys().stream()
                .filter(k -> !claimedById.contains(k.getId()))
                .collect(Collectors.toMap(ProviderKey::getName, Function.identity()));
        List<ProviderKey> matched = new ArrayList<>(specs.size());
        for (ProviderKeySpec spec : specs) {
            matched.add(spec.id() != null ? byId.get(spec.id()) : unclaimedByName.remove(spec.name()));
        }
        return matched;
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
