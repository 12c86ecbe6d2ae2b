package io.hakit.server.http;

import com.fasterxml.jackson.core.JacksonException;
import io.hakit.server.domain.DomainException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves as the documented Fault body; nothing unexpected leaks a stack trace. */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {}

    /** The domain's refusals, by kind. */
    public static final class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            int status = switch (e.kind()) {
                case BAD_REQUEST -> 400;
                case NOT_FOUND -> 404;
                case OVER_LIMIT -> 413;
                case UNPROCESSABLE -> 422;
            };
            return Faults.response(status, e.getMessage());
        }
    }

    /** JAX-RS's own errors (routing 404, 405, 415, ...) and faults already built by a filter. */
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            int status = original.getStatus();
            Response fault = switch (status) {
                case 404 -> Faults.response(404, "The resource could not be found.");
                case 405 -> Faults.response(405, "The method is not allowed for this resource.");
                case 415 -> Faults.response(415, "Unsupported media type: the API takes application/json.");
                default -> status >= 500 ? Faults.response(500, "The server has either erred or is incapable of "
                        + "performing the requested operation.") : Faults.response(400, e.getMessage());
            };
            if (e instanceof NotAllowedException) {
                return Response.fromResponse(fault).allow(original.getAllowedMethods()).build();
            }
            return fault;
        }
    }

    /** A body the validator passed but Jackson could not bind: still the client's error. */
    public static final class Json implements ExceptionMapper<JacksonException> {
        @Override
        public Response toResponse(JacksonException e) {
            return Faults.response(400, "Invalid request body: " + e.getOriginalMessage());
        }
    }

    /** Anything else is the server's fault: logged here, a plain instanceFault there. */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(Level.SEVERE, "unexpected failure", e);
            return Faults.response(500, "The server has either erred or is incapable of performing the requested operation.");
        }
    }
}
