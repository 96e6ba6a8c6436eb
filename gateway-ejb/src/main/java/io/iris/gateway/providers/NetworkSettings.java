package io.iris.gateway.providers;

import io.iris.gateway.common.Validation;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Timeouts and retry policy for calls to one provider. Defaults are API.md §3's. */
@Embeddable
public class NetworkSettings {
    public static final int MAX_TIMEOUT_MS = 3_600_000;
    public static final int MAX_RETRIES = 10;

    @Column(name = "connect_timeout_ms", nullable = false)
    private int connectTimeoutMs = 5_000;

    @Column(name = "request_timeout_ms", nullable = false)
    private int requestTimeoutMs = 300_000;

    @Column(name = "stream_idle_timeout_ms", nullable = false)
    private int streamIdleTimeoutMs = 60_000;

    @Column(name = "max_retries", nullable = false)
    private int maxRetries = 1;

    @Column(name = "retry_backoff_initial_ms", nullable = false)
    private int retryBackoffInitialMs = 500;

    @Column(name = "retry_backoff_max_ms", nullable = false)
    private int retryBackoffMaxMs = 5_000;

    public NetworkSettings() {
    }

    public NetworkSettings(int connectTimeoutMs, int requestTimeoutMs, int streamIdleTimeoutMs, int maxRetries,
                           int retryBackoffInitialMs, int retryBackoffMaxMs) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.requestTimeoutMs = requestTimeoutMs;
        this.streamIdleTimeoutMs = streamIdleTimeoutMs;
        this.maxRetries = maxRetries;
        this.retryBackoffInitialMs = retryBackoffInitialMs;
        this.retryBackoffMaxMs = retryBackoffMaxMs;
    }

    public void validate(Validation v, String path) {
        timeout(v, path + ".connect_timeout_ms", connectTimeoutMs);
        timeout(v, path + ".request_timeout_ms", requestTimeoutMs);
        timeout(v, path + ".stream_idle_timeout_ms", streamIdleTimeoutMs);
        v.check(maxRetries >= 0 && maxRetries <= MAX_RETRIES, path + ".max_retries",
                "must be between 0 and " + MAX_RETRIES);
        v.check(retryBackoffInitialMs >= 0 && retryBackoffInitialMs <= MAX_TIMEOUT_MS,
                path + ".retry_backoff_initial_ms", "must be between 0 and " + MAX_TIMEOUT_MS);
        v.check(retryBackoffMaxMs >= retryBackoffInitialMs && retryBackoffMaxMs <= MAX_TIMEOUT_MS,
                path + ".retry_backoff_max_ms", "must be between retry_backoff_initial_ms and " + MAX_TIMEOUT_MS);
    }

    private static void timeout(Validation v, String field, int value) {
        v.check(value > 0 && value <= MAX_TIMEOUT_MS, field, "must be between 1 and " + MAX_TIMEOUT_MS);
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int getRequestTimeoutMs() {
        return requestTimeoutMs;
    }

    public int getStreamIdleTimeoutMs() {
        return streamIdleTimeoutMs;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public int getRetryBackoffInitialMs() {
        return retryBackoffInitialMs;
    }

    public int getRetryBackoffMaxMs() {
        return retryBackoffMaxMs;
    }
}
