package io.hakit.server.edge;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/**
 * The request as everything behind the edge sees it: its canonical target, and its body from memory. Its authority
 * is the address the connection reached, never the client's Host: nothing behind the edge names the Host (links come
 * from the public URL), and Jersey builds its base URI from the authority with java.net.URI, which refuses many host
 * names HTTP allows (an underscore, as in a Docker service name, a sub-delimiter, a leading hyphen): each was a 500.
 * Jetty has checked the Host before (its syntax, that it is one, that an absolute-form target names the same).
 */
final class CanonicalRequest extends BodyInMemory {

    private final HttpURI uri;

    /** @param body the body the edge read; {@link BodyInMemory#NONE} for none, or for one it did not read */
    CanonicalRequest(Request request, RequestTarget.Canonical target, byte[] body) {
        super(request, body);
        this.uri = HttpURI.build(request.getHttpURI())
                .authority(Request.getLocalAddr(request), Request.getLocalPort(request))
                .path(target.path()).query(target.query()).asImmutable();
    }

    @Override
    public HttpURI getHttpURI() {
        return uri;
    }
}
