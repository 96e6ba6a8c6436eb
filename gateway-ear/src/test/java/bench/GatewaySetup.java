package bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a running gateway for the benchmark through its management API, as an operator would: waits until
 * it is ready, creates OpenAI-type providers on the bench mock (no retries, generous timeouts) and one virtual
 * key. Names are unique per run, so the database need not be clean. Not thread-safe; used once at start.
 */
final class GatewaySetup {
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    GatewaySetup(String baseUrl, Path serverDir) throws IOException {
        this.baseUrl = baseUrl;
        String fromEnvironment = System.getenv("IRIS_ADMIN_TOKEN");
        this.token = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : Files.readString(serverDir.resolve("admin-token"), StandardCharsets.UTF_8).strip();
    }

    /** Waits (at most {@code timeout}) until readiness and the management API both answer 200 three times. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int steady = 0;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = call("GET", "/health/ready", null, null);
                HttpResponse<String> config = ready.statusCode() == 200 ? call("GET", "/api/config", null, token)
                        : ready;
                last = config.statusCode() + " " + config.body();
                steady = config.statusCode() == 200 ? steady + 1 : 0;
                if (steady == 3) {
                    return;
                }
            } catch (IOException notListeningYet) {
                steady = 0;
                last = notListeningYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway at " + baseUrl + " never became ready: " + last);
    }

    /** Creates an OpenAI-type provider serving {@link MockUpstream#MODEL} at {@code mockBaseUrl}; its name. */
    String provider(String role, String mockBaseUrl) throws IOException, InterruptedException {
        String name = "bench-" + role + "-" + suffix;
        String body = "{\"name\":\"" + name + "\",\"type\":\"openai\",\"base_url\":\"" + mockBaseUrl + "\","
                + "\"models\":[\"" + MockUpstream.MODEL + "\"],"
                + "\"network\":{\"max_retries\":0,\"connect_timeout_ms\":2000,\"request_timeout_ms\":30000,"
                + "\"stream_idle_timeout_ms\":30000},"
                + "\"keys\":[{\"name\":\"primary\",\"value\":\"sk-bench-" + suffix + "\"}]}";
        created(call("POST", "/api/providers", body, token));
        return name;
    }

    /** Creates a virtual key that may use every provider; its secret value. */
    String virtualKey() throws IOException, InterruptedException {
        return virtualKey("bench-vk-" + suffix, "");
    }

    /**
     * A virtual key under governance that never refuses: a budget and a request and token limit far above what
     * the benchmark spends, and a price for {@code provider}'s model so every call is costed and settled.
     */
    String governedVirtualKey(String provider) throws IOException, InterruptedException {
        created(call("POST", "/api/pricing", "{\"provider\":\"" + provider + "\",\"model\":\"" + MockUpstream.MODEL
                + "\",\"input_per_million\":1,\"output_per_million\":2}", token));
        return virtualKey("bench-governed-vk-" + suffix, ",\"budgets\":[{\"max_limit\":1000000,\"reset_duration\":\"1d\"}],"
                + "\"rate_limit\":{\"request_max_limit\":1000000000,\"request_reset_duration\":\"1d\","
                + "\"token_max_limit\":1000000000000,\"token_reset_duration\":\"1d\"}");
    }

    private String virtualKey(String name, String extraFields) throws IOException, InterruptedException {
        String answer = created(call("POST", "/api/virtual-keys", "{\"name\":\"" + name + "\"" + extraFields + "}",
                token));
        Matcher value = VALUE.matcher(answer);
        if (!value.find()) {
            throw new IllegalStateException("the virtual key answer has no value: " + answer);
        }
        return value.group(1);
    }

    /** One call through the data plane, to fail fast with the gateway's own words when the setup is wrong. */
    void check(Target target) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(target.uri())
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + target.bearer())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(target.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("chat.completion")) {
            throw new IllegalStateException(target.name() + " " + target.uri() + " answered " + answer.statusCode()
                    + " " + answer.body());
        }
    }

    private static String created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the management API refused the bench setup: " + answer.statusCode()
                    + " " + answer.body());
        }
        return answer.body();
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
