/**
 * Where provider calls may go: the egress policy (a built-in deny list of link-local and cloud metadata
 * addresses and names, plus the operator's {@code provider_hosts_allowed} and {@code provider_hosts_denied}),
 * and host names read without DNS (address literals and CIDR ranges: {@code common.IpLiterals}, {@code IpRange}).
 * Pure and immutable; imports only the JDK and {@code common}.
 * The HTTP client applies it in {@code upstream}; the provider admin applies it when {@code base_url} is written.
 */
package io.iris.gateway.egress;
