package io.iris.gateway.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** What JAX-RS itself rejects (unknown path, wrong method, wrong content type) in the problem shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String type = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        Response problem = Problem.of(status, type, detailFor(status.getStatusCode()));
        if (original.getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", original.getHeaderString("Allow")).build();
        }
        return problem;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "the response can only be application/json";
            case 415 -> "the body must be sent as application/json";
            default -> "the request could not be served";
        };
    }
}
