package io.iris.gateway.providers;

import java.net.URI;
import java.util.Map;

/**
 * One call to make upstream: where, with which headers (provider auth included), what body, and how to read
 * the answer. {@link #toString()} leaves out the headers, which hold the key.
 */
public record UpstreamRequest(URI uri, Map<String, String> headers, byte[] body, ResponseCodec codec) {
    @Override
    public String toString() {
        return "UpstreamRequest[" + uri + "]";
    }
}
