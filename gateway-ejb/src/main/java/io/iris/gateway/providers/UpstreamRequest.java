package io.iris.gateway.providers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to make upstream: where, with which headers (provider auth included), what body, and how to read
 * the answer. {@link #toString()} leaves out the headers, which hold the key.
 */
public record UpstreamRequest(URI uri, Map<String, String> headers, byte[] body, ResponseCodec codec) {
    /** This request with {@code extra} headers added (this one when there are none). */
    public UpstreamRequest withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new UpstreamRequest(uri, all, body, codec);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + uri + "]";
    }
}
