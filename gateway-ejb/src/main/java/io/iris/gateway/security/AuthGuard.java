package io.iris.gateway.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Where every admin-token and virtual-key authentication reports: it refuses an address that failed too often
 * ({@link AuthThrottle}), counts each refusal in {@code iris_auth_failures_total{kind,reason}} and writes one
 * {@link AuthFailureLine} per failure on {@code iris.audit} (one per address and window for throttled refusals,
 * however many there are). Nothing here sees a credential. Configured at start from MP Config
 * ({@code iris.auth.max-failures}, {@code iris.auth.window-seconds}, {@code iris.auth.max-tracked-addresses},
 * {@code iris.auth.trusted-proxies}; an invalid value stops the start). Thread-safe; a request that does not fail
 * costs one map lookup in {@link #throttledFor} and no log, metric or lock.
 */
@ApplicationScoped
public class AuthGuard {
    static final Logger AUDIT = Logger.getLogger("iris.audit");
    private static final Logger LOG = Logger.getLogger(AuthGuard.class.getName());
    /** Exported as {@code iris_auth_failures_total}: MP Metrics adds the suffix to counters. */
    static final String FAILURES = "iris_auth_failures";

    @Inject
    @ConfigProperty(name = "iris.auth.max-failures", defaultValue = "20")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "iris.auth.window-seconds", defaultValue = "60")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "iris.auth.max-tracked-addresses", defaultValue = "100000")
    int maxTrackedAddresses;

    @Inject
    @ConfigProperty(name = "iris.auth.trusted-proxies")
    Optional<String> trustedProxyList;

    @Inject
    MetricRegistry metrics;

    private AuthThrottle throttle;
    private TrustedProxies trustedProxies;
    private final Counter[][] failures = new Counter[CredentialKind.values().length][FailureReason.values().length];
    private final AtomicLong fullWarnedAtMillis = new AtomicLong(Long.MIN_VALUE / 2);

    @PostConstruct
    void init() {
        trustedProxies = TrustedProxies.parse(trustedProxyList.orElse(""));
        throttle = new AuthThrottle(maxFailures, windowSeconds * 1000L, maxTrackedAddresses,
                System::currentTimeMillis);
        Metadata metadata = Metadata.builder().withName(FAILURES)
                .withDescription("Refused admin-token and virtual-key authentications").build();
        for (CredentialKind kind : CredentialKind.values()) {
            for (FailureReason reason : FailureReason.values()) {
                failures[kind.ordinal()][reason.ordinal()] = metrics.counter(metadata,
                        new Tag("kind", kind.label()), new Tag("reason", reason.label()));
            }
        }
    }

    /** Reads the configuration at start, so that a wrong value stops the start instead of the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        trustedProxies();
    }

    /** The proxies whose {@code X-Forwarded-For} names the client. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /**
     * Seconds until the origin's address may authenticate again, 0 when it may now. A refusal (more than 0) is
     * counted, and the first one of the address's window is logged.
     */
    public long throttledFor(ClientOrigin origin, CredentialKind kind) {
        String key = IpAddress.throttleKey(origin.address());
        long seconds = throttle.retryAfterSeconds(key);
        if (seconds > 0) {
            failures[kind.ordinal()][FailureReason.THROTTLED.ordinal()].inc();
            if (throttle.firstThrottleReport(key)) {
                audit(origin, kind, FailureReason.THROTTLED);
            }
        }
        return seconds;
    }

    /** The same check for the data plane: throws when the address is blocked. */
    public void requireNotThrottled(ClientOrigin origin, CredentialKind kind) {
        long seconds = throttledFor(origin, kind);
        if (seconds > 0) {
            throw new ThrottledException(seconds);
        }
    }

    /**
     * One failed authentication ({@link FailureReason#MISSING} or {@link FailureReason#INVALID}): counted, and
     * logged unless the throttle's table is full. Then addresses are not tracked, so nothing would bound the lines
     * one sprayer could write: those failures are only counted, and the full table is warned about once a window.
     */
    public void failed(ClientOrigin origin, CredentialKind kind, FailureReason reason) {
        failures[kind.ordinal()][reason.ordinal()].inc();
        if (throttle.recordFailure(IpAddress.throttleKey(origin.address())) == AuthThrottle.Outcome.UNTRACKED) {
            warnTableFull();
        } else {
            audit(origin, kind, reason);
        }
    }

    private static void audit(ClientOrigin origin, CredentialKind kind, FailureReason reason) {
        if (AUDIT.isLoggable(Level.INFO)) {
            AUDIT.info(AuthFailureLine.of(Instant.now(), origin, kind, reason));
        }
    }

    private void warnTableFull() {
        long now = System.currentTimeMillis();
        long last = fullWarnedAtMillis.get();
        if (now - last >= windowSeconds * 1000L && fullWarnedAtMillis.compareAndSet(last, now)) {
            LOG.warning("the authentication throttle tracks " + maxTrackedAddresses + " addresses with recent"
                    + " failures (iris.auth.max-tracked-addresses): failures of further addresses are counted"
                    + " (iris_auth_failures_total) but neither throttled nor logged one by one until windows expire");
        }
    }
}
