package io.hakit.server.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's body into memory without holding a thread while the client is slow: a stalled client keeps a
 * connection (until the idle timeout), never a worker. Stops at {@code cap} bytes, so that whoever reads the body
 * next sees that it is too large without the server reading all of it.
 */
final class BufferedBody implements Runnable {

    /** What was read: the bytes (at most cap), or why the body could not be read. */
    record Result(byte[] bytes, Throwable failure) {}

    private final Request request;
    private final int cap;
    private final Consumer<Result> done;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** Set while {@link #read} runs on the caller's thread: a body complete by then is returned, not handed on. */
    private boolean reading = true;
    private Result readNow;

    private BufferedBody(Request request, int cap, Consumer<Result> done) {
        this.request = request;
        this.cap = cap;
        this.done = done;
    }

    /**
     * Reads what has arrived. Returns the result when that is the whole body (a small body usually arrives with its
     * headers), so that the caller goes on on its own thread; otherwise returns null, and {@code later} runs once, on
     * whichever thread delivers the last bytes.
     */
    static Result read(Request request, int cap, Consumer<Result> later) {
        BufferedBody body = new BufferedBody(request, cap, later);
        body.run();
        synchronized (body) {
            body.reading = false;
            return body.readNow;
        }
    }

    private void finish(Result result) {
        synchronized (this) {
            if (reading) {
                readNow = result;
                return;
            }
        }
        done.accept(result);
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                finish(new Result(null, chunk.getFailure()));
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            int n = Math.min(buffer.remaining(), cap - bytes.size());
            byte[] part = new byte[n];
            buffer.get(part);
            bytes.write(part, 0, n);
            boolean last = chunk.isLast();
            chunk.release();
            if (last || bytes.size() >= cap) {
                finish(new Result(bytes.toByteArray(), null));
                return;
            }
        }
    }
}
