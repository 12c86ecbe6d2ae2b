package io.hakit.server.edge;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body is read from memory: nothing behind the edge reads, consumes or fails the connection's content.
 * Jersey fails a stream it closes before its end (after a 413, say), and Jetty's error page consumes what is
 * available; passed on to the connection, either would leave it unreadable, and Jetty would then abort it under the
 * answer instead of closing it in stages ({@link LingeringClose}).
 */
class BodyInMemory extends Request.Wrapper {

    /** For a request without a body, or with one the edge did not read. */
    static final byte[] NONE = new byte[0];

    /** What the next read returns. */
    private Content.Chunk next;

    BodyInMemory(Request request, byte[] body) {
        super(request);
        this.next = body.length == 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = next;
        next = Content.Chunk.next(chunk);
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        demandCallback.run();
    }

    @Override
    public void fail(Throwable failure) {
        next = Content.Chunk.from(failure, true);
    }

    @Override
    public boolean consumeAvailable() {
        next = Content.Chunk.next(next);
        return true;
    }
}
