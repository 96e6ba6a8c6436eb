package io.iris.gateway.routing;

import java.util.Objects;

/**
 * Who is calling, as routing rules see it: the virtual key and its team and customer. Ids are UUID strings;
 * every field is {@code ""} when absent (no virtual key, a key without a team). Immutable.
 */
public record CallerIdentity(String virtualKeyId, String virtualKeyName, String teamId, String teamName,
                             String customerId, String customerName) {
    public static final CallerIdentity NONE = new CallerIdentity("", "", "", "", "", "");

    public CallerIdentity {
        Objects.requireNonNull(virtualKeyId, "virtualKeyId");
        Objects.requireNonNull(virtualKeyName, "virtualKeyName");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(teamName, "teamName");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerName, "customerName");
    }
}
