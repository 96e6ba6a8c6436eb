package io.iris.gateway.web.errors;

import io.iris.gateway.common.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details: the one error shape of the management API. */
public final class Problem {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://iris.dev/problems/";

    private Problem() {
    }

    public static Response of(Response.StatusType status, String type, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON).entity(json(status, type, detail, errors)).build();
    }

    /** The problem document itself, for answers written outside JAX-RS (servlet filters). */
    public static String json(Response.StatusType status, String type, String detail, List<FieldError> errors) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (FieldError error : errors) {
                list.add(Json.createObjectBuilder().add("field", error.field()).add("message", error.message()));
            }
            body.add("errors", list);
        }
        return body.build().toString();
    }

    public static Response of(Response.StatusType status, String type, String detail) {
        return of(status, type, detail, List.of());
    }
}
