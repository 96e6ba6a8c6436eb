package io.iris.gateway.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OpenTelemetry spans of the data plane, named and attributed after the GenAI semantic conventions: one span per
 * client request ({@code "chat gpt-4o"}), a child for the routing decision and a client span per upstream
 * attempt, whose context goes upstream in {@code traceparent}. The request span is a child of the server's HTTP
 * span (which continues the caller's W3C trace context), or of the caller's context directly.
 * MicroProfile Telemetry provides the SDK and keeps it off unless the standard {@code OTEL_*} settings turn it
 * on ({@code OTEL_SDK_DISABLED=false}); while it is off every span is a no-op and the caller's trace headers are
 * passed upstream unchanged, so the gateway stays transparent to tracing it does not take part in.
 */
@ApplicationScoped
public class RequestTracing {
    private static final Logger LOG = Logger.getLogger(RequestTracing.class.getName());
    private static final String[] TRACE_HEADERS = {"traceparent", "tracestate"};

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> RULE = AttributeKey.stringKey("iris.rule");
    static final AttributeKey<Long> FALLBACK_INDEX = AttributeKey.longKey("iris.fallback_index");
    static final AttributeKey<String> KEY_NAME = AttributeKey.stringKey("iris.key_name");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("iris.request_id");
    static final AttributeKey<String> VIRTUAL_KEY = AttributeKey.stringKey("iris.virtual_key");

    private static final TextMapGetter<Map<String, String>> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> headers) {
            return headers.keySet();
        }

        @Override
        public String get(Map<String, String> headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    };

    @Inject
    Instance<OpenTelemetry> openTelemetry;

    private Tracer tracer;
    private TextMapPropagator propagator;
    private boolean enabled;

    @PostConstruct
    void init() {
        OpenTelemetry telemetry = OpenTelemetry.noop();
        try {
            if (openTelemetry.isResolvable()) {
                telemetry = openTelemetry.get();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OpenTelemetry is not available; tracing stays off", e);
        }
        tracer = telemetry.getTracer("io.iris.gateway");
        propagator = telemetry.getPropagators().getTextMapPropagator();
        enabled = tracer.spanBuilder("probe").startSpan().getSpanContext().isValid();
        LOG.info(() -> "request tracing " + (enabled ? "on (OpenTelemetry SDK enabled)" : "off"));
    }

    /**
     * Starts the span of a client request whose trace headers (lower-case names) may carry a parent.
     *
     * @param operation the GenAI operation: chat, text_completion, embeddings
     */
    public RequestSpan start(String operation, String requestId, Map<String, String> headers) {
        if (!enabled) {
            return untraced(headers);
        }
        // The server's own HTTP span, when the runtime traces requests, is the parent; it already continues the
        // caller's trace. Without it the caller's trace headers are.
        Context current = Context.current();
        boolean inServerSpan = Span.fromContext(current).getSpanContext().isValid();
        Context parent = inServerSpan ? current : propagator.extract(Context.root(), headers, FROM_HEADERS);
        Span span = tracer.spanBuilder(operation).setParent(parent)
                .setSpanKind(inServerSpan ? SpanKind.INTERNAL : SpanKind.SERVER)
                .setAttribute(OPERATION, operation).setAttribute(REQUEST_ID, requestId).startSpan();
        return new RequestSpan(tracer, propagator, span, Map.of());
    }

    /** A request's span while tracing is off: records nothing, passes the caller's trace headers upstream. */
    public static RequestSpan untraced(Map<String, String> headers) {
        return new RequestSpan(null, null, null, inbound(headers));
    }

    private static Map<String, String> inbound(Map<String, String> headers) {
        Map<String, String> found = null;
        for (String name : TRACE_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                if (found == null) {
                    found = new HashMap<>(2);
                }
                found.put(name, value);
            }
        }
        return found == null ? Map.of() : Map.copyOf(found);
    }

    /** The span of one client request; a no-op holding the caller's trace headers while tracing is off. */
    public static final class RequestSpan {
        private final Tracer tracer;
        private final TextMapPropagator propagator;
        private final Span span;
        private final Map<String, String> passThrough;
        private String operation = "";

        private RequestSpan(Tracer tracer, TextMapPropagator propagator, Span span,
                            Map<String, String> passThrough) {
            this.tracer = tracer;
            this.propagator = propagator;
            this.span = span;
            this.passThrough = passThrough;
        }

        /** Names the span after the operation and the model asked for, as the GenAI conventions do. */
        public void requested(String operation, String model) {
            this.operation = operation;
            if (span != null) {
                span.updateName(operation + " " + model);
                span.setAttribute(REQUEST_MODEL, model);
            }
        }

        /** A span for the routing decision that took from {@code start} to now. */
        public void routed(Instant start, Optional<String> rule, String provider, String model) {
            if (span == null) {
                return;
            }
            Span routing = tracer.spanBuilder("route").setParent(Context.root().with(span))
                    .setSpanKind(SpanKind.INTERNAL).setStartTimestamp(start).startSpan();
            rule.ifPresent(name -> routing.setAttribute(RULE, name));
            routing.setAttribute(PROVIDER, provider);
            routing.setAttribute(REQUEST_MODEL, model);
            routing.end();
        }

        public AttemptSpan attempt(int fallbackIndex, String provider, String model, String keyName) {
            if (span == null) {
                return new AttemptSpan(null, passThrough);
            }
            Span attempt = tracer.spanBuilder(operation + " " + model).setParent(Context.root().with(span))
                    .setSpanKind(SpanKind.CLIENT).setAttribute(OPERATION, operation)
                    .setAttribute(PROVIDER, provider).setAttribute(REQUEST_MODEL, model)
                    .setAttribute(FALLBACK_INDEX, (long) fallbackIndex).setAttribute(KEY_NAME, keyName)
                    .startSpan();
            Map<String, String> headers = new HashMap<>(2);
            propagator.inject(Context.root().with(attempt), headers, Map::put);
            return new AttemptSpan(attempt, Map.copyOf(headers));
        }

        /** Ends the span with what the record says happened. */
        public void end(RequestRecord record) {
            if (span == null) {
                return;
            }
            if (!record.provider().isEmpty()) {
                span.setAttribute(PROVIDER, record.provider());
                span.setAttribute(RESPONSE_MODEL, record.model());
            }
            span.setAttribute(INPUT_TOKENS, record.promptTokens());
            span.setAttribute(OUTPUT_TOKENS, record.completionTokens());
            span.setAttribute(STATUS, (long) record.status());
            span.setAttribute(FALLBACK_INDEX, (long) record.fallbackIndex());
            record.rule().ifPresent(rule -> span.setAttribute(RULE, rule));
            if (!record.caller().virtualKeyName().isEmpty()) {
                span.setAttribute(VIRTUAL_KEY, record.caller().virtualKeyName());
            }
            record.errorType().ifPresent(type -> {
                span.setAttribute(ERROR_TYPE, type);
                span.setStatus(StatusCode.ERROR);
            });
            span.end();
        }
    }

    /** The span of one upstream call, and the trace headers that go upstream with it. */
    public static final class AttemptSpan {
        private final Span span;
        private final Map<String, String> headers;

        private AttemptSpan(Span span, Map<String, String> headers) {
            this.span = span;
            this.headers = headers;
        }

        /** {@code traceparent} (and {@code tracestate}) for the upstream request; empty when there is none. */
        public Map<String, String> headers() {
            return headers;
        }

        /** @param status the upstream's status, 0 when none came */
        public void end(int status, Optional<String> errorType) {
            if (span == null) {
                return;
            }
            if (status > 0) {
                span.setAttribute(STATUS, (long) status);
            }
            errorType.ifPresent(type -> {
                span.setAttribute(ERROR_TYPE, type);
                span.setStatus(StatusCode.ERROR);
            });
            span.end();
        }
    }
}
