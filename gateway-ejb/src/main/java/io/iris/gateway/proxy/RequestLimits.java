package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.SafeText;
import java.util.List;
import java.util.Optional;

/**
 * The bounds a request body keeps before anything is looked up for it (API.md §1, §4). A model name travels into
 * routing, pricing, metrics labels, log lines and the {@code x-iris-model} response header, so it is at most
 * {@value #MAX_MODEL_CHARS} characters and holds nothing that could end or fake a line there: no control
 * characters (C0, DEL, C1), no line or paragraph separators, no invisible format characters (bidirectional
 * overrides and the like), no unpaired surrogates. Output bounds above {@value #MAX_OUTPUT_TOKENS} tokens are
 * refused, since reservations are worked out from them. Error messages never echo the rejected value. Stateless.
 */
final class RequestLimits {
    static final int MAX_MODEL_CHARS = 256;
    static final long MAX_OUTPUT_TOKENS = 1_000_000;
    private static final List<String> OUTPUT_BOUNDS = List.of("max_tokens", "max_completion_tokens");

    private RequestLimits() {
    }

    /** The body's {@code model}, checked; invalid_request_error (param {@code model}) when absent or unsafe. */
    static String model(RequestJson body) {
        String model = body.string("model").filter(m -> !m.isBlank())
                .orElseThrow(() -> invalid("model", "'model' is required"));
        problem(model).ifPresent(problem -> {
            throw invalid("model", "'model' " + problem);
        });
        return model;
    }

    /** The body's {@code fallbacks}, each entry held to the rules of a model name (param {@code fallbacks}). */
    static List<String> fallbacks(RequestJson body) {
        List<String> fallbacks = body.strings("fallbacks");
        for (String entry : fallbacks) {
            problem(entry).ifPresent(problem -> {
                throw invalid("fallbacks", "each entry of 'fallbacks' " + problem);
            });
        }
        return fallbacks;
    }

    /** Refuses {@code max_tokens} or {@code max_completion_tokens} above {@link #MAX_OUTPUT_TOKENS}. */
    static void outputTokens(RequestJson body) {
        for (String field : OUTPUT_BOUNDS) {
            if (body.integer(field) > MAX_OUTPUT_TOKENS) {
                throw invalid(field, "'" + field + "' must be at most " + MAX_OUTPUT_TOKENS);
            }
        }
    }

    /**
     * What is wrong with {@code name} as a model name, in words that fit after "'model' ", or empty when nothing
     * is. Looks at no more than {@value #MAX_MODEL_CHARS} + 1 characters, however long the name.
     */
    static Optional<String> problem(String name) {
        if (name.length() > 2 * MAX_MODEL_CHARS) {
            return Optional.of(tooLong());
        }
        int count = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            if (++count > MAX_MODEL_CHARS) {
                return Optional.of(tooLong());
            }
            if (SafeText.isUnsafe(name.codePointAt(i))) {
                return Optional.of("must not contain control characters, line breaks or invisible format characters");
            }
        }
        return Optional.empty();
    }

    private static String tooLong() {
        return "must be at most " + MAX_MODEL_CHARS + " characters";
    }

    private static GatewayException invalid(String param, String message) {
        return new GatewayException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.status(), message, param);
    }
}
