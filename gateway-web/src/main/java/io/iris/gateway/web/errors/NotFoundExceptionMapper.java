package io.iris.gateway.web.errors;

import io.iris.gateway.common.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class NotFoundExceptionMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage());
    }
}
