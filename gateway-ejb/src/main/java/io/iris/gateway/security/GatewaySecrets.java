package io.iris.gateway.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
 * unset, from a file generated once in the data directory. Thread-safe after start.
 */
@ApplicationScoped
public class GatewaySecrets {
    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String SECRET_KEY_FILE = "secret.key";
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
            return configured.get();
        }
        Optional<String> stored = directory.read(ADMIN_TOKEN_FILE);
        if (stored.isPresent()) {
            return stored.get();
        }
        String token = directory.createOrRead(ADMIN_TOKEN_FILE, "iris-admin-" + randomToken(32));
        // Shown once, on the start that generated it; later starts read the file silently.
        LOG.warning("IRIS_ADMIN_TOKEN is not set: generated an admin token, kept in "
                + directory.resolve(ADMIN_TOKEN_FILE) + ": " + token);
        return token;
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
