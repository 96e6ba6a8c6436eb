package io.iris.gateway.snapshot;

import io.iris.gateway.governance.ModelFilter;
import java.util.UUID;

/**
 * A provider key ready for calls: its decrypted value lives only in memory, in the snapshot. {@link #toString()}
 * never shows it. Immutable.
 */
public record UpstreamKey(UUID id, String name, String value, double weight, ModelFilter models, boolean enabled) {
    @Override
    public String toString() {
        return "UpstreamKey[" + name + "]";
    }
}
