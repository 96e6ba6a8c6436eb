package io.iris.gateway.proxy;

import io.iris.gateway.common.JsonScanner;
import io.iris.gateway.common.JsonSplice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request's {@code stream_options.include_usage}, read and set on the body's bytes. OpenAI-compatible upstreams
 * report a stream's usage only when asked for it, so the gateway asks on every stream it forwards to one (API.md
 * §4). Stateless.
 */
final class StreamOptions {
    private static final String OPTIONS = "stream_options";
    private static final String INCLUDE_USAGE = "include_usage";
    private static final byte[] TRUE = bytes("true");
    private static final byte[] OPTIONS_ASKING = bytes("{\"include_usage\":true}");

    private StreamOptions() {
    }

    /** Whether {@code include_usage} is in {@code stream_options} and {@code true} wherever it appears. */
    static boolean asksForUsage(byte[] body, List<JsonScanner.Member> members) {
        Optional<JsonScanner.Member> options = member(members, OPTIONS);
        if (options.isEmpty() || body[options.get().valueStart()] != '{') {
            return false;
        }
        List<JsonScanner.Member> asked = inner(body, options.get()).stream()
                .filter(m -> m.key().equals(INCLUDE_USAGE)).toList();
        return !asked.isEmpty() && asked.stream().allMatch(m -> isTrue(body, options.get(), m));
    }

    /**
     * The edits that make {@code stream_options.include_usage} true; none when the body already asks.
     *
     * @throws IllegalArgumentException when {@code stream_options} is neither an object nor null
     */
    static List<JsonSplice.Edit> includeUsage(byte[] body, List<JsonScanner.Member> members) {
        Optional<JsonScanner.Member> found = member(members, OPTIONS);
        if (found.isEmpty()) {
            int brace = JsonSplice.closingBrace(body);
            String separator = members.isEmpty() ? "" : ",";
            return List.of(new JsonSplice.Edit(brace, brace, bytes(separator + "\"" + OPTIONS + "\":"
                    + new String(OPTIONS_ASKING, StandardCharsets.US_ASCII))));
        }
        JsonScanner.Member options = found.get();
        byte first = body[options.valueStart()];
        if (first == 'n') {
            return List.of(new JsonSplice.Edit(options.valueStart(), options.valueEnd(), OPTIONS_ASKING));
        }
        if (first != '{') {
            throw new IllegalArgumentException("'stream_options' must be an object");
        }
        List<JsonScanner.Member> inner = inner(body, options);
        List<JsonSplice.Edit> edits = new ArrayList<>(1);
        for (JsonScanner.Member m : inner) {
            if (m.key().equals(INCLUDE_USAGE) && !isTrue(body, options, m)) {
                int base = options.valueStart();
                edits.add(new JsonSplice.Edit(base + m.valueStart(), base + m.valueEnd(), TRUE));
            }
        }
        if (inner.stream().noneMatch(m -> m.key().equals(INCLUDE_USAGE))) {
            int afterBrace = options.valueStart() + 1;
            edits.add(new JsonSplice.Edit(afterBrace, afterBrace,
                    bytes("\"" + INCLUDE_USAGE + "\":true" + (inner.isEmpty() ? "" : ","))));
        }
        return edits;
    }

    /** The members of the object value of {@code options}, their offsets relative to where that value starts. */
    private static List<JsonScanner.Member> inner(byte[] body, JsonScanner.Member options) {
        try {
            return JsonScanner.members(Arrays.copyOfRange(body, options.valueStart(), options.valueEnd()));
        } catch (JsonScanner.MalformedJsonException cannotHappen) {
            // The whole body was scanned already: its values are well-formed.
            throw new IllegalStateException(cannotHappen);
        }
    }

    private static boolean isTrue(byte[] body, JsonScanner.Member options, JsonScanner.Member m) {
        int start = options.valueStart() + m.valueStart();
        return Arrays.equals(body, start, options.valueStart() + m.valueEnd(), TRUE, 0, TRUE.length);
    }

    private static Optional<JsonScanner.Member> member(List<JsonScanner.Member> members, String key) {
        for (JsonScanner.Member m : members) {
            if (m.key().equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
