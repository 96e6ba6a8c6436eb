package io.iris.gateway.web.errors;

import io.iris.gateway.common.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
        String detail = e.errors().stream().map(err -> err.field() + " " + err.message())
                .collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-input", detail, e.errors());
    }
}
