package io.hakit.server.edge;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/** The request as everything behind the edge sees it: its canonical target, and its body from memory. */
final class CanonicalRequest extends BodyInMemory {

    private final HttpURI uri;

    /** @param body the body the edge read; {@link BodyInMemory#NONE} for none, or for one it did not read */
    CanonicalRequest(Request request, RequestTarget.Canonical target, byte[] body) {
        super(request, body);
        this.uri = HttpURI.build(request.getHttpURI()).path(target.path()).query(target.query()).asImmutable();
    }

    @Override
    public HttpURI getHttpURI() {
        return uri;
    }
}
