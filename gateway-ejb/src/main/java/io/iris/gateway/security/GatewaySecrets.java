package io.iris.gateway.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two secrets the gateway owns: the admin token of the management API and the key that encrypts provider
 * keys at rest. Each comes from the environment ({@code IRIS_ADMIN_TOKEN}, {@code IRIS_SECRET_KEY}) or, when
 * unset, from a file generated once in the data directory. An admin token shorter than {@value #MIN_ADMIN_TOKEN_LENGTH}
 * characters stops the start. A generated token is printed once on the process's standard output (the console)
 * and kept in its file; it never goes to a logger, so never to messages.log. Thread-safe after start.
 */
@ApplicationScoped
public class GatewaySecrets {
    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String SECRET_KEY_FILE = "secret.key";
    /** 32 characters: as long as a base64 encoding of 24 random bytes (192 bits), too long to guess online. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(GatewaySecrets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "IRIS_ADMIN_TOKEN")
    Optional<String> adminTokenFromEnvironment;

    @Inject
    @ConfigProperty(name = "IRIS_SECRET_KEY")
    Optional<String> secretKeyFromEnvironment;

    @Inject
    @ConfigProperty(name = "iris.data.dir")
    Optional<String> dataDir;

    private byte[] adminTokenDigest;
    private SecretCipher cipher;

    @PostConstruct
    void load() {
        DataDirectory directory = new DataDirectory(Path.of(dataDir.orElse(System.getProperty("user.dir"))));
        adminTokenDigest = sha256(adminToken(directory));
        cipher = new SecretCipher(secretKey(directory));
    }

    /** Loads (or generates) both secrets at start, so a generated admin token is logged before first use. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Touching the bean runs @PostConstruct.
        cipher();
    }

    /** Compares in constant time, so response timing tells nothing about the token. */
    public boolean isAdminToken(String presented) {
        return presented != null && MessageDigest.isEqual(adminTokenDigest, sha256(presented));
    }

    public SecretCipher cipher() {
        return cipher;
    }

    private String adminToken(DataDirectory directory) {
        Optional<String> configured = adminTokenFromEnvironment.filter(t -> !t.isBlank());
        if (configured.isPresent()) {
            return requireLongEnough(configured.get(), "IRIS_ADMIN_TOKEN");
        }
        Path file = directory.resolve(ADMIN_TOKEN_FILE);
        Optional<String> stored = directory.read(ADMIN_TOKEN_FILE);
        if (stored.isPresent()) {
            return requireLongEnough(stored.get(), file.toString());
        }
        String token = directory.createOrRead(ADMIN_TOKEN_FILE, "iris-admin-" + randomToken(32));
        // Shown once, on the start that generated it; later starts read the file silently.
        LOG.warning("IRIS_ADMIN_TOKEN is not set: generated an admin token, kept in " + file
                + " and printed once on the console");
        printToConsole("IRIS_ADMIN_TOKEN is not set; the generated admin token (kept in " + file + ") is:"
                + System.lineSeparator() + "    " + token + System.lineSeparator());
        return requireLongEnough(token, file.toString());
    }

    /**
     * The token itself when it is long enough.
     *
     * @param source where the token came from, for the message (never the token or any part of it)
     * @throws IllegalStateException saying how long the token is and how long it must be
     */
    static String requireLongEnough(String token, String source) {
        if (token.length() < MIN_ADMIN_TOKEN_LENGTH) {
            String message = "the admin token from " + source + " is " + token.length() + " characters long; it must"
                    + " be at least " + MIN_ADMIN_TOKEN_LENGTH + " (e.g. `openssl rand -base64 32`), or unset"
                    + " IRIS_ADMIN_TOKEN to have one generated: the gateway does not start";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        return token;
    }

    /**
     * Writes to the process's own standard output, not {@code System.out}: Liberty copies {@code System.out} into
     * messages.log, and a token must not be kept in a log. The stream is not closed: that would close the console.
     */
    private static void printToConsole(String text) {
        OutputStream console = new FileOutputStream(FileDescriptor.out);
        try {
            console.write(text.getBytes(StandardCharsets.UTF_8));
            console.flush();
        } catch (IOException e) {
            LOG.warning("could not print the generated admin token on the console (" + e.getClass().getSimpleName()
                    + "): read it from its file");
        }
    }

    private byte[] secretKey(DataDirectory directory) {
        Optional<String> configured = secretKeyFromEnvironment.filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            return SecretCipher.decodeKey(configured.get(), "IRIS_SECRET_KEY");
        }
        String stored = directory.read(SECRET_KEY_FILE).orElseGet(() -> {
            byte[] key = new byte[SecretCipher.KEY_BYTES];
            RANDOM.nextBytes(key);
            LOG.info("IRIS_SECRET_KEY is not set: generated the key that encrypts provider keys, kept in "
                    + directory.resolve(SECRET_KEY_FILE) + "; back it up with the database");
            return directory.createOrRead(SECRET_KEY_FILE, Base64.getEncoder().encodeToString(key));
        });
        return SecretCipher.decodeKey(stored, directory.resolve(SECRET_KEY_FILE).toString());
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
