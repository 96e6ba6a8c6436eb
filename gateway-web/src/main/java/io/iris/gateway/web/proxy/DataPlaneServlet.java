package io.iris.gateway.web.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.RequestIds;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.proxy.ErrorBodies;
import io.iris.gateway.proxy.ModelCatalog;
import io.iris.gateway.proxy.ProxyRequest;
import io.iris.gateway.proxy.ProxyService;
import io.iris.gateway.security.AuthGuard;
import io.iris.gateway.security.ClientOrigin;
import io.iris.gateway.security.ThrottledException;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.web.security.ClientOrigins;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data plane: OpenAI-compatible {@code /v1/...} and Anthropic {@code /anthropic/v1/messages}. A plain
 * asynchronous servlet rather than JAX-RS, so that the container thread is released while the upstream works
 * and every stream event can be flushed the moment it arrives.
 */
@WebServlet(urlPatterns = {"/v1/*", "/anthropic/*"}, asyncSupported = true)
public class DataPlaneServlet extends HttpServlet {
    private static final String MODELS = "/v1/models";
    /** The request log's and the metrics' name for model listings. */
    private static final String MODELS_ENDPOINT = "models";

    @Inject
    ProxyService proxy;

    @Inject
    AuthGuard guard;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long receivedNanos = System.nanoTime();
        String requestId = requestId(request);
        Optional<Endpoint> endpoint = endpoint(path(request));
        Endpoint.WireFormat format = path(request).startsWith("/anthropic") ? Endpoint.WireFormat.ANTHROPIC
                : Endpoint.WireFormat.OPENAI;
        if (endpoint.isEmpty()) {
            GatewayException notFound = new GatewayException(ErrorType.NOT_FOUND, "no such endpoint");
            error(response, format, requestId, notFound);
            proxy.refusedBeforeReading(Optional.empty(), requestId, receivedNanos, notFound);
            return;
        }
        long limit = proxy.snapshot().config().maxBodyBytes();
        byte[] body;
        long declared = request.getContentLengthLong();
        if (declared > limit || (body = readAtMost(request.getInputStream(), declared, limit)) == null) {
            GatewayException tooLarge = new GatewayException(ErrorType.BODY_TOO_LARGE,
                    "the body is larger than " + limit + " bytes");
            error(response, format, requestId, tooLarge);
            proxy.refusedBeforeReading(endpoint, requestId, receivedNanos, tooLarge);
            return;
        }
        ProxyRequest proxyRequest = new ProxyRequest(endpoint.get(), headers(request), params(request), body,
                requestId, receivedNanos, ClientOrigins.of(request, guard.trustedProxies()));
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        proxy.handle(proxyRequest, new ServletSink(async));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long receivedNanos = System.nanoTime();
        String requestId = requestId(request);
        String path = path(request);
        Optional<CallerGrant> caller = Optional.empty();
        try {
            if (!models(path)) {
                throw new GatewayException(ErrorType.NOT_FOUND, "no such endpoint");
            }
            ClientOrigin origin = ClientOrigins.of(request, guard.trustedProxies());
            caller = proxy.authenticate(headers(request), origin);
            JsonObject answer = path.equals(MODELS) ? ModelCatalog.list(caller, proxy.snapshot())
                    : ModelCatalog.one(path.substring(MODELS.length() + 1), caller, proxy.snapshot())
                    .orElseThrow(() -> new GatewayException(ErrorType.NOT_FOUND, ErrorType.NOT_FOUND.status(),
                            "the model does not exist or the virtual key may not use it", "model"));
            writeJson(response, 200, requestId, answer.toString().getBytes(StandardCharsets.UTF_8));
            proxy.answeredHere(MODELS_ENDPOINT, requestId, receivedNanos, caller, 200, Optional.empty());
        } catch (GatewayException e) {
            if (e instanceof ThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            }
            error(response, Endpoint.WireFormat.OPENAI, requestId, e);
            proxy.answeredHere(models(path) ? MODELS_ENDPOINT : "unknown", requestId, receivedNanos, caller, e.status(),
                    Optional.of(e.type().wireType()));
        }
    }

    private static boolean models(String path) {
        return path.equals(MODELS) || path.startsWith(MODELS + "/");
    }

    static Optional<Endpoint> endpoint(String path) {
        return Optional.ofNullable(switch (path) {
            case "/v1/chat/completions" -> Endpoint.CHAT;
            case "/v1/completions" -> Endpoint.COMPLETIONS;
            case "/v1/embeddings" -> Endpoint.EMBEDDINGS;
            case "/anthropic/v1/messages" -> Endpoint.MESSAGES;
            default -> null;
        });
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * The body, or null when it is longer than {@code limit}. A declared length sizes the buffer exactly (one
     * allocation, the common case); a chunked body is read in growing steps.
     */
    static byte[] readAtMost(InputStream in, long declared, long limit) throws IOException {
        if (declared >= 0) {
            // The container stops the stream at the declared length; a shorter body fails as JSON later.
            return in.readNBytes((int) declared);
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }

    /** The client's {@code x-request-id} when it is safe to send back and log, else a new one (RequestIds). */
    private static String requestId(HttpServletRequest request) {
        return RequestIds.fromClient(request.getHeader("x-request-id"));
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                params.put(name.toLowerCase(Locale.ROOT), values[0]);
            }
        });
        return params;
    }

    private static void error(HttpServletResponse response, Endpoint.WireFormat format, String requestId,
                              GatewayException e) throws IOException {
        writeJson(response, e.status(), requestId, ErrorBodies.of(format, e));
    }

    /** A whole JSON answer written on the container's thread, its length declared. */
    private static void writeJson(HttpServletResponse response, int status, String requestId, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("x-request-id", requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
