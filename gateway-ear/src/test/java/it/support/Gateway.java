package it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged gateway as integration tests see it: its base URL, its admin token (read from the file the
 * server generated, as an operator would), and plain HTTP calls. Thread-safe.
 *
 * <p>The gateway throttles client addresses that fail authentication 20 times a minute, and every IT runs from
 * this one JVM. The IT server trusts 127.0.0.1 as a proxy (gateway-ear/pom.xml), so each request sent through these
 * helpers (and {@code it.proxy.DataPlane}) names an address of its own in {@code X-Forwarded-For}
 * ({@link #freshClientAddress()}): the tests that fail authentication on purpose never add up to the throttle,
 * and so never lock out the tests after them. {@code it.security.AuthThrottleIT} sends the addresses it means to
 * block itself.
 */
public final class Gateway {
    private static final int STEADY_ANSWERS = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final String BASE_URL = System.getProperty("iris.baseUrl", "http://localhost:9081");
    public static final Path SERVER_DIR = Path.of(System.getProperty("iris.serverDir",
            "target/liberty/wlp/usr/servers/iris"));
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Next host in 198.18.0.0/16 (RFC 2544's benchmarking range); starts anywhere, so reruns differ. */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(new SecureRandom().nextInt(1 << 16));

    private Gateway() {
    }

    static {
        awaitReady();
    }

    /**
     * Liberty reports itself started before the application has finished starting (or failed to), and
     * {@code /health/ready} says UP while Liberty restarts an application whose files changed: wait until
     * both readiness and the management API answer steadily, so that a broken deployment fails here,
     * clearly, instead of as a scatter of 404s.
     */
    private static void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Reply last = null;
        int steady = 0;
        while (System.nanoTime() < deadline) {
            try {
                last = send("GET", "/health/ready", null, null, null);
                if (last.status() == 200) {
                    last = admin("GET", "/api/config");
                }
                steady = last.status() == 200 ? steady + 1 : 0;
                if (steady == STEADY_ANSWERS) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                steady = 0;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the gateway never became ready: " + last);
    }

    /**
     * Stops and starts the server the tests run against (with the environment of this JVM, which is the build's)
     * and waits until it is ready again. For tests of what survives a restart; slow (tens of seconds).
     */
    public static synchronized void restart() {
        Path server = SERVER_DIR.toAbsolutePath().getParent().getParent().getParent().resolve("bin/server");
        run(server.toString(), "stop", SERVER_DIR.getFileName().toString());
        run(server.toString(), "start", SERVER_DIR.getFileName().toString());
        awaitReady();
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String adminToken() {
        String fromEnvironment = System.getenv("IRIS_ADMIN_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return Files.readString(SERVER_DIR.resolve("admin-token"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the server did not write its admin token", e);
        }
    }

    /** A client address no other request of this run has used (198.18.x.y), for {@link #FORWARDED_FOR}. */
    public static String freshClientAddress() {
        int host = NEXT_CLIENT.getAndIncrement() & 0xffff;
        return "198.18." + (host >> 8) + "." + (host & 0xff);
    }

    /** A name no other test run uses, so tests need no clean database and no order. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Reply admin(String method, String path, Object body) {
        return send(method, path, body, "application/json", "Bearer " + adminToken());
    }

    public static Reply admin(String method, String path) {
        return admin(method, path, null);
    }

    /** Any request: {@code body} is a JsonValue, a raw String, or null; {@code authorization} may be null. */
    public static Reply send(String method, String path, Object body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .timeout(Duration.ofSeconds(30)).header(FORWARDED_FOR, freshClientAddress());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Reply(int status, String contentType, String body, String location) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public JsonObject firstError() {
            return json().getJsonArray("errors").getJsonObject(0);
        }

        public boolean hasFieldError(String field) {
            JsonValue errors = json().get("errors");
            return errors instanceof jakarta.json.JsonArray array && array.stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getString("field").equals(field));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
