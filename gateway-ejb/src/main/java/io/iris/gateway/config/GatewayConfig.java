package io.iris.gateway.config;

import io.iris.gateway.common.Validation;

/**
 * The gateway-wide settings of {@code /api/config}. Immutable; defaults are API.md §5's.
 *
 * @param maxBodyBytes largest request body the data plane accepts (default 10 MiB)
 */
public record GatewayConfig(boolean requireVirtualKey, int routingChainMaxDepth, boolean logRequestBodies,
                            long maxBodyBytes) {
    public static final GatewayConfig DEFAULTS = new GatewayConfig(true, 10, false, 10L * 1024 * 1024);
    public static final int MAX_CHAIN_DEPTH = 100;
    public static final long MAX_BODY_BYTES_LIMIT = 1024L * 1024 * 1024;

    public void validate(Validation v) {
        v.check(routingChainMaxDepth >= 1 && routingChainMaxDepth <= MAX_CHAIN_DEPTH, "routing_chain_max_depth",
                "must be between 1 and " + MAX_CHAIN_DEPTH);
        v.check(maxBodyBytes >= 1024 && maxBodyBytes <= MAX_BODY_BYTES_LIMIT, "max_body_bytes",
                "must be between 1024 and " + MAX_BODY_BYTES_LIMIT);
    }
}
