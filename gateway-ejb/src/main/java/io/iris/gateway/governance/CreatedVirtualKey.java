package io.iris.gateway.governance;

/** A new virtual key with its value: the only moment the value exists outside the caller's hands. */
public record CreatedVirtualKey(VirtualKey key, String value) {
    @Override
    public String toString() {
        return "CreatedVirtualKey[" + key.getId() + "]";
    }
}
