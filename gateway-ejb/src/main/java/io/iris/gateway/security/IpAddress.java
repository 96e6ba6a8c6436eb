package io.iris.gateway.security;

import io.iris.gateway.common.IpLiterals;
import java.util.Optional;

/** What failed authentications of a client address are counted under. Stateless. */
final class IpAddress {
    private IpAddress() {
    }

    /**
     * An IPv4 address itself, an IPv6 address's /64 network (one host usually holds a whole /64, so counting
     * single IPv6 addresses would let it rotate through billions of them); text that is no literal as it is.
     */
    static String throttleKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        Optional<byte[]> parsed = IpLiterals.parse(address);
        if (parsed.isEmpty() || parsed.get().length == 4) {
            return parsed.map(IpLiterals::format).orElse(address);
        }
        byte[] network = parsed.get();
        for (int i = 8; i < network.length; i++) {
            network[i] = 0;
        }
        return IpLiterals.format(network) + "/64";
    }
}
