package io.iris.gateway.upstream;

import java.util.Map;

/**
 * What happens to one upstream call, in order: {@link #onHead} once, {@link #onData} zero or more times, then
 * exactly one of {@link #onComplete} or {@link #onFailure}. Called on an I/O thread: implementations must not
 * block for long.
 */
public interface UpstreamListener {
    /** The status line and headers (names lower-cased) arrived. */
    void onHead(int status, Map<String, String> headers);

    /** A chunk of the body, in arrival order. The array is the listener's to keep. */
    void onData(byte[] chunk);

    void onComplete();

    /** The call failed: connection refused or reset, timeout, or cancelled. */
    void onFailure(Exception cause);
}
