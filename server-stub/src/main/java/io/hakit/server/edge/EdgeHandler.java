package io.hakit.server.edge;

import io.hakit.server.http.BodyLimits;
import java.util.StringJoiner;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * The reference server's HTTP edge, in front of everything else. It applies Jetty's URI rules
 * ({@link HttpEdge#URI_COMPLIANCE}), then reads the request target once into its
 * canonical form ({@link RequestTarget}) and hands everything behind it that form only, so that no spelling of a path
 * can mean one thing to authentication and another to routing; it refuses what has no canonical form with the 400
 * Fault. It reads a body into memory before the application sees the request, without a thread waiting on the
 * client, so that stalled clients hold connections (until the idle timeout) and never the workers others need. An
 * answer given without reading the whole body closes the connection in stages ({@link LingeringClose}).
 */
public final class EdgeHandler extends Handler.Wrapper {

    private final BodyLimits limits;
    private final MemoryBudget bodies;
    private final LingeringClose.Bounds linger;
    /** Set once, before the server starts ({@link HttpEdge#mount}). */
    private volatile BodyAdmission admission = BodyAdmission.EVERY;

    /** @param bodies the memory for the bodies read and not yet answered, all requests together */
    EdgeHandler(BodyLimits limits, MemoryBudget bodies, LingeringClose.Bounds linger, Handler application) {
        super(application);
        this.limits = limits;
        this.bodies = bodies;
        this.linger = linger;
    }

    /** Which requests' bodies the edge reads: the others reach the application unread, to be refused without them. */
    void admitBodiesOf(BodyAdmission admission) {
        this.admission = admission;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String violations = refusedUriViolations(request.getHttpURI());
        if (!violations.isEmpty()) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, violations);
            return true;
        }
        RequestTarget.Reading reading = RequestTarget.read(request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        if (reading instanceof RequestTarget.Refused refused) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, refused.reason());
            return true;
        }
        RequestTarget.Canonical target = (RequestTarget.Canonical) reading;
        String framing = unsupportedFraming(request);
        if (framing != null) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, framing);
            return true;
        }
        String coding = unsupportedTransferCoding(request);
        if (coding != null) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, "Transfer-Encoding '" + coding
                    + "' is not supported: send the body with a Content-Length, or chunked.");
            return true;
        }
        if (!hasBody(request)) {
            Request canonical = new CanonicalRequest(request, target, BodyInMemory.NONE);
            if (InlineWork.fits(target.path(), 0)) {
                return super.handle(canonical, response, callback);
            }
            onWorker(request, () -> dispatch(canonical, response, callback));
            return true;
        }
        if (!admission.admits(target.path(), request.getHeaders())) {
            // The application refuses it without its body (no token for the path): nothing of it is read or held.
            dispatch(new CanonicalRequest(request, target, BodyInMemory.NONE), response,
                    LingeringClose.arrange(request, linger, response, callback));
            return true;
        }
        long max = limits.maxBytes(target.path());
        if (request.getLength() > max) {
            // More than may be read: whoever reads it answers 413 without reading it.
            dispatch(new CanonicalRequest(request, target, BodyInMemory.NONE), response,
                    LingeringClose.arrange(request, linger, response, callback));
            return true;
        }
        int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 8);
        BufferedBody.Result now = BufferedBody.read(request, cap, bodies, body ->
                // the rest arrived on a thread that serves the connection: the application runs on a worker
                onWorker(request, () -> withBody(request, target, max, body, response, callback)));
        if (now == null) {
            return true;
        }
        if (now.bytes() == null || InlineWork.fits(target.path(), now.bytes().length)) {
            withBody(request, target, max, now, response, callback); // all of it had arrived: no hand-over to another thread
        } else {
            onWorker(request, () -> withBody(request, target, max, now, response, callback));
        }
        return true;
    }

    /**
     * Jetty runs this handler on the thread that read the request, without handing it to a worker: nothing behind the
     * edge waits on a client (bodies are read and answers held without a thread waiting), and what computes long is
     * handed to a worker here ({@link InlineWork}).
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    private static void onWorker(Request request, Runnable work) {
        request.getComponents().getThreadPool().execute(work);
    }

    private void withBody(Request request, RequestTarget.Canonical target, long max, BufferedBody.Result body,
            Response response, Callback callback) {
        if (body.failure() instanceof BufferedBody.OverBudget) {
            refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "The server is reading too many request bodies at once: try again shortly.");
            return;
        }
        if (body.failure() != null) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, unreadable(body.failure()));
            return;
        }
        HeldBody held = new HeldBody(bodies, body.bytes().length); // gone with its answer
        Response answer = held.watching(request, response);
        Callback released = held.givenBackBefore(callback);
        boolean readToItsEnd = body.bytes().length <= max; // past the limit, the edge stopped reading
        dispatch(new CanonicalRequest(request, target, body.bytes()), answer,
                readToItsEnd ? released : LingeringClose.arrange(request, linger, answer, released));
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

    /** The Fault of {@code status}, given before the request's body (if it has one) was read. */
    private void refuse(Request request, Response response, Callback callback, int status, String reason) {
        Callback done = hasBody(request) ? LingeringClose.arrange(request, linger, response, callback) : callback;
        Request bodyUnread = new BodyInMemory(request, BodyInMemory.NONE);
        Response.writeError(bodyUnread, response, done, status, reason);
    }

    /** What Jetty's URI rules refuse in the target ({@link HttpEdge#URI_COMPLIANCE}), in Jetty's words; empty if nothing. */
    private static String refusedUriViolations(HttpURI uri) {
        StringJoiner refused = new StringJoiner(", ");
        for (UriCompliance.Violation violation : uri.getViolations()) {
            if (!HttpEdge.URI_COMPLIANCE.allows(violation)) {
                refused.add(violation.getDescription());
            }
        }
        return refused.toString();
    }

    /**
     * What Jetty reads and RFC 9112 says not to: a Transfer-Encoding on an HTTP/1.0 request, which an HTTP/1.0
     * intermediary would not have framed the same way (6.1: "MUST treat it as faulty": a way to smuggle a second
     * request), an absolute-form target whose scheme is not HTTP's (3.2.2) or that names no host (RFC 9110, 4.2.1:
     * "MUST reject it as invalid"), a fragment (3.2: never part of a target; Jetty flags one, but not after an
     * authority without a path, which it makes '/'), and a CONNECT: a tunnel this server does not open (9.3.6),
     * whose connection Jetty keeps open whatever the request says, even after the application refused it (the
     * Connection: close of the edge's refusal closes it).
     */
    private static String unsupportedFraming(Request request) {
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_0
                && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return "Transfer-Encoding is HTTP/1.1's: an HTTP/1.0 request sends its body with a Content-Length.";
        }
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            return "CONNECT asks for a tunnel to another server: this server is no proxy.";
        }
        HttpURI uri = request.getHttpURI();
        String scheme = uri.getScheme();
        if (scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            return "The request target names another scheme than http: this server speaks HTTP.";
        }
        if (uri.isAbsolute() && (uri.getHost() == null || uri.getHost().isEmpty())) {
            return "The request target is an http URI without a host: send the path alone, or http://HOST/path.";
        }
        if (uri.getFragment() != null) {
            return "The request target has a fragment ('#'), which is never sent: send the path alone.";
        }
        return null;
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
