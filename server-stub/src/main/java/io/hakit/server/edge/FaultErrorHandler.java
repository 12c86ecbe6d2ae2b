package io.hakit.server.edge;

import io.hakit.server.http.ErrorBodies;
import io.hakit.server.http.Faults;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every answer Jetty gives by itself (a request it cannot parse, a target the edge refuses, a handler that failed)
 * leaves as the error body of a documented status ({@link ErrorBodies}), never as Jetty's HTML page or a bare
 * status. A malformed request is the client's error whatever code Jetty picked for it (431, 414, 408, 417, 505 and
 * 501 become 400 badRequest with Jetty's reason); a failure of the server is a 500 instanceFault whose stack trace
 * is logged here and never sent.
 */
public final class FaultErrorHandler extends ErrorHandler {

    private static final Logger LOG = Logger.getLogger(FaultErrorHandler.class.getName());

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        Object statusAttribute = request.getAttribute(ERROR_STATUS);
        int status = statusAttribute instanceof Integer code ? code : response.getStatus();
        String message = (String) request.getAttribute(ERROR_MESSAGE);
        if (clientGone(cause)) {
            // the client stalled or left (a header never finished within the idle timeout): its failure, not the
            // server's; logged at FINE, so that a thousand stalled connections do not write a thousand stack traces
            LOG.log(Level.FINE, "client gone", cause);
            response.setStatus(HttpStatus.BAD_REQUEST_400);
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            response.write(true, body(request.getHttpURI().getPath(), HttpStatus.BAD_REQUEST_400,
                    "The request did not arrive whole before the connection's read timeout."), callback);
            return true;
        }
        if (cause == null && status < HttpStatus.BAD_REQUEST_400) {
            // Not an error: Jetty answers OPTIONS to a static page (the Swagger UI's) through this handler, with
            // status 200, Allow and Content-Length: 0 already set (Handler.optionsMethodHandled). Made a 400 with a
            // body, the write overran that length and the answer became a 500.
            response.setStatus(status);
            callback.succeeded();
            return true;
        }
        int documented = documented(status, cause instanceof HttpException);
        if (documented == HttpStatus.INTERNAL_SERVER_ERROR_500) {
            if (cause != null) {
                LOG.log(Level.SEVERE, "unexpected failure of " + request.getMethod() + " " + request.getHttpURI(), cause);
            }
            message = Faults.SERVER_FAULT;
        } else if (message == null || message.isBlank()) {
            message = HttpStatus.getMessage(status);
        }
        response.setStatus(documented);
        response.getHeaders().remove(HttpHeader.CONTENT_LENGTH); // one a handler set for its own answer, not this body
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        if (documented == HttpStatus.BAD_REQUEST_400 || documented >= 500) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        ByteBuffer body = body(request.getHttpURI().getPath(), documented, message);
        if (HeadAsGet.isHead(request)) { // the GET's head: its length, without its content (RFC 9110, 9.3.2)
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
            body = ByteBuffer.allocate(0);
        }
        response.write(true, body, callback);
        return true;
    }

    private static boolean clientGone(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A request that could not be parsed at all, answered before any handler runs. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString()));
        return body("/", documented(status, true), reason == null
                ? "The request could not be read as HTTP/1.1 (RFC 9112): " + HttpStatus.getMessage(status) + "." : reason);
    }

    /**
     * The document's statuses pass (a protocol error's 4xx among them); any other client error, and any protocol
     * error Jetty answers with a 5xx (an unknown transfer coding, an unknown HTTP version), is a badRequest; any
     * other server error an instanceFault.
     */
    static int documented(int status, boolean protocolError) {
        if (status < 500 && Faults.documented(status)) {
            return status;
        }
        if (status < 500 || protocolError) {
            return HttpStatus.BAD_REQUEST_400;
        }
        return status == HttpStatus.SERVICE_UNAVAILABLE_503 ? status : HttpStatus.INTERNAL_SERVER_ERROR_500;
    }

    private static ByteBuffer body(String path, int status, String message) {
        return ByteBuffer.wrap(ErrorBodies.body(path, status, message).toString().getBytes(StandardCharsets.UTF_8));
    }
}
