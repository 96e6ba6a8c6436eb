package io.iris.gateway.web.admin;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.security.AuthGuard;
import io.iris.gateway.web.security.AdminPaths;
import io.iris.gateway.web.security.ClientOrigins;
import io.iris.gateway.web.json.JsonbConfiguration;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audit lines for management changes, one JSON line per write on the logger {@code iris.audit} at INFO: when,
 * who (the admin token's holder and the client address, forwarded by a trusted proxy or the socket's), what (method, path, status) and the resource as it was
 * before and is after, read through the resource's own GET for that path, with every secret masked. Reads and
 * refused requests (401) are not audited; a write that failed is, with its status. The admin API is not a hot
 * path: the extra reads cost a database query each.
 */
@Provider
@Priority(Priorities.USER)
public class AdminAuditFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final Logger LOG = Logger.getLogger("iris.audit");
    private static final String BEFORE = AdminAuditFilter.class.getName() + ".before";
    private static final Set<String> SECRET_FIELDS = Set.of("value", "api_key", "token", "password", "secret",
            "admin_token");
    private static final Jsonb JSONB = new JsonbConfiguration().getContext(Object.class);

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    AuthGuard guard;

    @Override
    public void filter(ContainerRequestContext request) {
        if (audited(request) && !HttpMethod.POST.equals(request.getMethod())) {
            request.setProperty(BEFORE, current().orElse(JsonValue.NULL));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!audited(request) || response.getStatus() == 401 || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        try {
            JsonValue before = request.getProperty(BEFORE) instanceof JsonValue value ? value : JsonValue.NULL;
            JsonValue after = response.getStatus() >= 300 || HttpMethod.DELETE.equals(request.getMethod())
                    ? JsonValue.NULL : afterOf(response);
            LOG.info(JsonP.PROVIDER.createObjectBuilder()
                    .add("event", "admin_change")
                    .add("time", Instant.now().toString())
                    .add("actor", "admin")
                    .add("remote_address", servletRequest == null ? ""
                            : ClientOrigins.address(servletRequest, guard.trustedProxies()))
                    .add("method", request.getMethod())
                    .add("path", AdminPaths.withLeadingSlash(uri.getPath()))
                    .add("status", response.getStatus())
                    .add("before", masked(before))
                    .add("after", masked(after))
                    .build().toString());
        } catch (RuntimeException e) {
            // An audit line that cannot be written must not fail a change that is already committed.
            LOG.log(Level.WARNING, "writing an audit line failed for " + request.getMethod() + " "
                    + uri.getPath() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private boolean audited(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean write = !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)
                && !HttpMethod.OPTIONS.equals(method);
        Method target = resource.getResourceMethod();
        return write && AdminPaths.isAdmin(uri.getPath()) && target != null
                && !target.isAnnotationPresent(ReadOnly.class);
    }

    /** The created or changed resource: the response's entity as JSON, else null. */
    private static JsonValue afterOf(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return JsonValue.NULL;
        }
        if (entity instanceof JsonValue json) {
            return json;
        }
        try {
            return asJson(entity);
        } catch (RuntimeException notJson) {
            return JsonValue.NULL;
        }
    }

    /** A view as the API writes it: JSON text as is, anything else through the API's JSON-B settings. */
    private static JsonValue asJson(Object view) {
        String text = view instanceof String string ? string : JSONB.toJson(view);
        try (var reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /**
     * The resource at this path as its GET answers now: the resource class's {@code @GET} method with the same
     * {@code @Path} and only path parameters. Empty when there is none or it fails (a 404: nothing before).
     */
    private Optional<JsonValue> current() {
        String path = pathOf(resource.getResourceMethod());
        List<Object> matched = uri.getMatchedResources();
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        for (Method read : resource.getResourceClass().getMethods()) {
            if (read.isAnnotationPresent(GET.class) && path.equals(pathOf(read))) {
                try {
                    Object[] args = pathArguments(read);
                    return args == null ? Optional.empty() : Optional.of(viewAsJson(matched.get(0), read, args));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String pathOf(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    private static JsonValue viewAsJson(Object resource, Method read, Object[] args)
            throws ReflectiveOperationException {
        return asJson(read.invoke(resource, args));
    }

    private Object[] pathArguments(Method read) {
        Parameter[] parameters = read.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            PathParam param = annotation(parameters[i].getAnnotations());
            if (param == null || parameters[i].getType() != String.class) {
                return null;
            }
            args[i] = uri.getPathParameters().getFirst(param.value());
        }
        return args;
    }

    private static PathParam annotation(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam param) {
                return param;
            }
        }
        return null;
    }

    /** The value with every secret field's string replaced, at any depth. */
    static JsonValue masked(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = JsonP.PROVIDER.createObjectBuilder();
            object.forEach((name, field) -> copy.add(name, SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))
                    && field instanceof JsonString ? JsonP.PROVIDER.createValue("****") : masked(field)));
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = JsonP.PROVIDER.createArrayBuilder();
            array.forEach(item -> copy.add(masked(item)));
            return copy.build();
        }
        return value;
    }
}
