package io.iris.gateway.providers;

import io.iris.gateway.common.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading usage from a served chat completion (done for every request): {@code scanned} is {@link UsageJson#openAi},
 * {@code tree} parses the whole body with JSON-P as it did before. Run with the {@code jmh} profile (module pom),
 * {@code -Djmh.args="UsageJsonBenchmark -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UsageJsonBenchmark {
    private final byte[] body = UsageJsonTest.COMPLETION.getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public Optional<Usage> scanned() {
        return UsageJson.openAi(body);
    }

    @Benchmark
    public Optional<Usage> tree() {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue() instanceof JsonObject o && o.get("usage") instanceof JsonObject usage
                    ? Optional.of(new Usage(usage.getJsonNumber("prompt_tokens").longValue(),
                            usage.getJsonNumber("completion_tokens").longValue()))
                    : Optional.empty();
        }
    }
}
