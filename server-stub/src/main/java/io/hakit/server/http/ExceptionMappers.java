package io.hakit.server.http;

import com.fasterxml.jackson.core.JacksonException;
import io.hakit.server.domain.DomainException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;

/**
 * Every error leaves as the body its document defines ({@link ErrorBodies}: the Fault, or the control API's Problem);
 * nothing unexpected leaks a stack trace.
 */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {}

    /** What every mapper needs: the path, which says whose error body to write (outside a request, the HA API's). */
    abstract static class PathAware<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        private UriInfo uriInfo;

        Response error(int status, String message) {
            return ErrorBodies.response(uriInfo == null ? "/" : "/" + uriInfo.getPath(false), status, message);
        }
    }

    /** The domain's refusals, by kind. */
    public static final class Domain extends PathAware<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            int status = switch (e.kind()) {
                case BAD_REQUEST -> 400;
                case NOT_FOUND -> 404;
                case OVER_LIMIT -> 413;
                case UNPROCESSABLE -> 422;
            };
            return error(status, e.getMessage());
        }
    }

    /** JAX-RS's own errors (routing 404, 405, 415, ...) and errors already built by a filter. */
    public static final class Web extends PathAware<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            if (e instanceof ParamException parameter) { // JAX-RS's 404 for a query value its Java type cannot take
                return error(400, "The " + kind(parameter) + " parameter " + parameter.getParameterName()
                        + " has a value its documented type cannot take.");
            }
            int status = original.getStatus();
            Response fault = switch (status) {
                case 404 -> error(404, "The resource could not be found.");
                case 405 -> error(405, "The method is not allowed for this resource.");
                case 415 -> error(415, "Unsupported media type: the API takes application/json.");
                default -> status >= 500 ? error(500, Faults.SERVER_FAULT) : error(400, e.getMessage());
            };
            if (e instanceof NotAllowedException) {
                return Response.fromResponse(fault).allow(DocumentedMethodsFilter.documented(original.getAllowedMethods())).build();
            }
            return fault;
        }

        private static String kind(ParamException parameter) {
            return parameter.getParameterType().getSimpleName().replace("Param", "").toLowerCase(Locale.ROOT);
        }
    }

    /** A body the validator passed but Jackson could not bind: still the client's error. */
    public static final class Json extends PathAware<JacksonException> {
        @Override
        public Response toResponse(JacksonException e) {
            return error(400, JsonSyntax.describe(e));
        }
    }

    /** Anything else is the server's fault: logged here, a plain instanceFault there. */
    public static final class Unexpected extends PathAware<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(Level.SEVERE, "unexpected failure", e);
            return error(500, Faults.SERVER_FAULT);
        }
    }
}
