package io.iris.gateway.upstream;

import io.iris.gateway.egress.EgressPolicy;
import io.iris.gateway.egress.HostCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: checks the host against the egress policy in force, resolves it with
 * {@code delegate} (the JVM's resolver and its cache, in production), and refuses the connection when any
 * address it resolves to is refused (a name that resolves to a public and a metadata address is not trusted
 * with either). Runs only when the client opens a connection, never for a pooled one. A refusal is logged once
 * per host and reason (at most {@value #MAX_WARNED} of them). Thread-safe, lock-free.
 */
final class EgressDnsResolver implements DnsResolver {
    private static final Logger LOG = Logger.getLogger(EgressDnsResolver.class.getName());
    static final int MAX_WARNED = 1000;

    private final Supplier<EgressPolicy> policies;
    private final DnsResolver delegate;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    EgressDnsResolver(Supplier<EgressPolicy> policies, DnsResolver delegate) {
        this.policies = policies;
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        EgressPolicy policy = policies.get();
        HostCheck check = policy.checkHost(host);
        if (check.refused()) {
            throw refuse(host, check.reason());
        }
        InetAddress[] addresses = delegate.resolve(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusesAddress(address.getAddress(), check);
            if (refusal.isPresent()) {
                throw refuse(host, "resolves to " + address.getHostAddress() + ", which " + refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    private EgressRefusedException refuse(String host, String reason) {
        String line = "provider host " + host + " " + reason;
        if (warned.size() < MAX_WARNED && warned.add(line)) {
            LOG.warning(() -> "connection refused: " + line + " (see provider_hosts_allowed and "
                    + "provider_hosts_denied in /api/config)");
        }
        return new EgressRefusedException();
    }
}
