package it.support.mock;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which mock endpoint a method and path name, and where that endpoint's vendor puts the API key. Immutable. */
final class Route {
    enum Kind { CHAT, COMPLETIONS, EMBEDDINGS, MODELS, MODEL, MESSAGES, NOT_FOUND, METHOD_NOT_ALLOWED }

    private static final Pattern AZURE =
            Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|completions|embeddings)");
    private static final String MODELS_PREFIX = "/v1/models/";

    final Kind kind;
    final MockExchange.Flavor flavor;
    /** The Azure deployment, null for the OpenAI and Anthropic paths. */
    final String deployment;
    /** The model of {@code GET /v1/models/{id}}, otherwise null. */
    final String modelId;

    private Route(Kind kind, MockExchange.Flavor flavor, String deployment, String modelId) {
        this.kind = kind;
        this.flavor = flavor;
        this.deployment = deployment;
        this.modelId = modelId;
    }

    static Route of(String method, String path) {
        Matcher azure = AZURE.matcher(path);
        Route route;
        if (azure.matches()) {
            route = new Route(operation(azure.group(2)), MockExchange.Flavor.OPENAI, azure.group(1), null);
        } else if (path.equals("/v1/messages")) {
            route = new Route(Kind.MESSAGES, MockExchange.Flavor.ANTHROPIC, null, null);
        } else if (path.equals("/v1/models")) {
            route = new Route(Kind.MODELS, MockExchange.Flavor.OPENAI, null, null);
        } else if (path.startsWith(MODELS_PREFIX) && path.length() > MODELS_PREFIX.length()) {
            route = new Route(Kind.MODEL, MockExchange.Flavor.OPENAI, null, path.substring(MODELS_PREFIX.length()));
        } else if (path.startsWith("/v1/")) {
            route = new Route(operation(path.substring("/v1/".length())), MockExchange.Flavor.OPENAI, null, null);
        } else {
            route = new Route(Kind.NOT_FOUND, MockExchange.Flavor.OPENAI, null, null);
        }
        boolean reads = route.kind == Kind.MODELS || route.kind == Kind.MODEL;
        String expected = reads ? "GET" : "POST";
        if (route.kind != Kind.NOT_FOUND && !expected.equals(method)) {
            return new Route(Kind.METHOD_NOT_ALLOWED, route.flavor, route.deployment, null);
        }
        return route;
    }

    private static Kind operation(String name) {
        switch (name) {
            case "chat/completions":
                return Kind.CHAT;
            case "completions":
                return Kind.COMPLETIONS;
            case "embeddings":
                return Kind.EMBEDDINGS;
            default:
                return Kind.NOT_FOUND;
        }
    }

    boolean azure() {
        return deployment != null;
    }

    /** The header this vendor takes the key from: {@code x-api-key}, {@code api-key} or a bearer token. */
    String keyHeader() {
        if (flavor == MockExchange.Flavor.ANTHROPIC) {
            return "x-api-key";
        }
        return azure() ? "api-key" : "Authorization";
    }

    /** The key the request carries, its vendor's header first, then the other two; null for none. */
    String apiKey(Headers headers) {
        String own = key(keyHeader(), headers.getFirst(keyHeader()));
        if (own != null) {
            return own;
        }
        for (String header : new String[] {"Authorization", "x-api-key", "api-key"}) {
            String key = key(header, headers.getFirst(header));
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    /** The key in one header's value (a bearer token for Authorization); null for none. */
    static String key(String header, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!header.equals("Authorization")) {
            return value.strip();
        }
        String bearer = "bearer ";
        return value.toLowerCase(Locale.ROOT).startsWith(bearer) ? value.substring(bearer.length()).strip() : null;
    }
}
