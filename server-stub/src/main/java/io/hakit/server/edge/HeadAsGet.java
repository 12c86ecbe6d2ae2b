package io.hakit.server.edge;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;

/**
 * A HEAD as the application sees it: its GET. RFC 9110 (9.3.2) makes HEAD the GET without the content, with the
 * same header fields, and requires every general-purpose server to support it; answered as a GET, it passes the same
 * authentication, routing and rules, and the edge sends the answer's head with the GET's Content-Length
 * ({@link HeldAnswers}). Jersey's own HEAD drops the body before its length is known (Content-Length: 0).
 */
final class HeadAsGet extends Request.Wrapper {

    private HeadAsGet(Request request) {
        super(request);
    }

    /** The request as the application is to see it: its GET if it is a HEAD, else itself. */
    static Request of(Request request) {
        return isHead(request) ? new HeadAsGet(request) : request;
    }

    static boolean isHead(Request request) {
        return HttpMethod.HEAD.is(request.getMethod());
    }

    @Override
    public String getMethod() {
        return HttpMethod.GET.asString();
    }
}
