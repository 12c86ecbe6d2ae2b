package io.hakit.server.edge;

import io.hakit.server.http.BodyLimits;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The reference server's HTTP edge, in front of everything else. It reads the request target once into its
 * canonical form ({@link RequestTarget}) and hands everything behind it that form only, so that no spelling of a path
 * can mean one thing to authentication and another to routing; it refuses what has no canonical form with the 400
 * Fault. It reads a body into memory before the application sees the request, without a thread waiting on the
 * client, so that stalled clients hold connections (until the idle timeout) and never the workers others need.
 */
public final class EdgeHandler extends Handler.Wrapper {

    private final BodyLimits limits;

    public EdgeHandler(BodyLimits limits, Handler application) {
        super(application);
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestTarget.Reading reading = RequestTarget.read(request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        if (reading instanceof RequestTarget.Refused refused) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, refused.reason());
            return true;
        }
        RequestTarget.Canonical target = (RequestTarget.Canonical) reading;
        String coding = unsupportedTransferCoding(request);
        if (coding != null) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "Transfer-Encoding '" + coding
                    + "' is not supported: send the body with a Content-Length, or chunked.");
            return true;
        }
        long max = limits.maxBytes(target.path());
        if (!hasBody(request) || request.getLength() > max) {
            // Nothing to read, or more than may be read: whoever reads it answers 413 without reading it.
            return super.handle(new CanonicalRequest(request, target, null), response, callback);
        }
        int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 8);
        BufferedBody.Result now = BufferedBody.read(request, cap, body ->
                // the rest arrived on a thread that serves the connection: the application runs on a worker
                request.getComponents().getThreadPool().execute(() -> withBody(request, target, body, response, callback)));
        if (now != null) {
            withBody(request, target, now, response, callback); // all of it had arrived: no hand-over to another thread
        }
        return true;
    }

    private void withBody(Request request, RequestTarget.Canonical target, BufferedBody.Result body, Response response,
            Callback callback) {
        if (body.failure() != null) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, unreadable(body.failure()));
            return;
        }
        dispatch(new CanonicalRequest(request, target, body.bytes()), response, callback);
    }

    private void dispatch(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable e) {
            Response.writeError(request, response, callback, e);
        }
    }

    /** Jetty decodes chunked and passes any other coding on undecoded: refused here instead (RFC 9112, 6.1). */
    private static String unsupportedTransferCoding(Request request) {
        for (String value : request.getHeaders().getValuesList(HttpHeader.TRANSFER_ENCODING)) {
            for (String coding : value.split(",")) {
                if (!coding.trim().equalsIgnoreCase("chunked")) {
                    return coding.trim();
                }
            }
        }
        return null;
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static String unreadable(Throwable failure) {
        if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            return "The request body did not arrive in time: send all of it, as its Content-Length or chunks say.";
        }
        String reason = failure.getMessage();
        return "The request body could not be read" + (reason == null ? "." : ": " + reason + ".");
    }
}
