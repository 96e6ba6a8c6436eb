package io.iris.gateway.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as the databases store them (microseconds), so that what is returned equals what is read back. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
