package io.iris.gateway.web.errors;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.InvalidInputException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.persistence.DatabaseProbe;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything not mapped elsewhere. An application exception that reached us wrapped (by the EJB
 * container) is unwrapped and mapped as itself; anything else is a 500 whose body says only an incident id,
 * and whose details go to the server log under that id, except a database failure while the database is
 * unreachable: that is a 503 that says so (the data plane keeps serving from memory meanwhile).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    DatabaseProbe database;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return new InvalidInputExceptionMapper().toResponse(invalid);
            }
            if (cause instanceof NotFoundException notFound) {
                return new NotFoundExceptionMapper().toResponse(notFound);
            }
            if (cause instanceof ConflictException conflict) {
                return new ConflictExceptionMapper().toResponse(conflict);
            }
            if (cause instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
        }
        if (fromTheDatabase(e) && !database.reachable()) {
            LOG.warning(() -> "management request refused: the database is unreachable (" + e.getClass().getName()
                    + ")");
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database_unavailable",
                    "the configuration database is unreachable; the data plane keeps serving with the configuration"
                            + " it has, and changes are refused until the database is back");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": unexpected " + e.getClass().getName(), e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "the request failed inside the gateway; incident " + incident);
    }

    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }
}
