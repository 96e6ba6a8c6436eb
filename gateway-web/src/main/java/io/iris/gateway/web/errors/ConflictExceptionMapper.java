package io.iris.gateway.web.errors;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class ConflictExceptionMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
        List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
        return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage(), errors);
    }
}
