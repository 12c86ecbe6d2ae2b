package io.hakit.server.edge;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** The request as everything behind the edge sees it: its canonical target, and its body from memory. */
final class CanonicalRequest extends Request.Wrapper {

    private final HttpURI uri;
    private final byte[] body;
    private boolean bodyRead;

    /** @param body the body already read, or null to read it from the connection as usual */
    CanonicalRequest(Request request, RequestTarget.Canonical target, byte[] body) {
        super(request);
        this.uri = HttpURI.build(request.getHttpURI()).path(target.path()).query(target.query()).asImmutable();
        this.body = body;
    }

    @Override
    public HttpURI getHttpURI() {
        return uri;
    }

    @Override
    public Content.Chunk read() {
        if (body == null) {
            return super.read();
        }
        if (bodyRead) {
            return Content.Chunk.EOF;
        }
        bodyRead = true;
        return Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public void demand(Runnable demandCallback) {
        if (body == null) {
            super.demand(demandCallback);
        } else {
            demandCallback.run();
        }
    }
}
