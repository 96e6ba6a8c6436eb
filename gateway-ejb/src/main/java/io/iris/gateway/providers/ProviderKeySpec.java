package io.iris.gateway.providers;

import java.util.List;
import java.util.UUID;

/**
 * A provider key as an admin writes it. {@code id} names an existing key to update; {@code value} may then be
 * null to keep the stored value. Nulls elsewhere take the defaults (weight 1, models ["*"], enabled).
 */
public record ProviderKeySpec(UUID id, String name, String value, Double weight, List<String> models,
                              Boolean enabled) {
}
