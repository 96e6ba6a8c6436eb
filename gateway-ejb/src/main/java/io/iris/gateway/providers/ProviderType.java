package io.iris.gateway.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The wire protocol a provider speaks. Stored and shown in lower case. */
public enum ProviderType {
    OPENAI, AZURE, ANTHROPIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProviderType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }
}
