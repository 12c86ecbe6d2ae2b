package io.hakit.server.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's body into memory without holding a thread while the client is slow: a stalled client keeps a
 * connection (until the idle timeout), never a worker. Stops at {@code cap} bytes, so that whoever reads the body
 * next sees that it is too large without the server reading all of it. Every byte kept is taken from the edge's
 * {@link MemoryBudget} first (a declared length all at once, before a byte is read): a body that does not fit is
 * {@link OverBudget}, and what it had taken is given back.
 */
final class BufferedBody implements Runnable {

    /** What was read: the bytes (at most cap, all taken from the budget), or why the body could not be read. */
    record Result(byte[] bytes, Throwable failure) {}

    /** The body does not fit in what is left of the budget. */
    static final class OverBudget extends Exception {
        OverBudget() {
            super("the bodies being read already take all the memory set aside for them", null, false, false);
        }
    }

    private final Request request;
    private final int cap;
    private final MemoryBudget budget;
    private final Consumer<Result> done;
    private final ByteArrayOutputStream bytes;
    /** Bytes taken from the budget for this body, all at once for a declared length. */
    private long reserved;
    /** Set while {@link #read} runs on the caller's thread: a body complete by then is returned, not handed on. */
    private boolean reading = true;
    private Result readNow;

    private BufferedBody(Request request, int cap, MemoryBudget budget, Consumer<Result> done) {
        this.request = request;
        this.cap = cap;
        this.budget = budget;
        this.done = done;
        long declared = request.getLength();
        this.bytes = new ByteArrayOutputStream(declared >= 0 && declared < cap ? (int) declared : 8192);
    }

    /**
     * Reads what has arrived. Returns the result when that is the whole body (a small body usually arrives with its
     * headers), so that the caller goes on on its own thread; otherwise returns null, and {@code later} runs once, on
     * whichever thread delivers the last bytes.
     */
    static Result read(Request request, int cap, MemoryBudget budget, Consumer<Result> later) {
        BufferedBody body = new BufferedBody(request, cap, budget, later);
        long declared = request.getLength();
        if (declared > 0 && !body.take(Math.min(declared, cap))) {
            return body.overBudget();
        }
        body.run();
        synchronized (body) {
            body.reading = false;
            return body.readNow;
        }
    }

    private boolean take(long more) {
        if (!budget.reserve(more)) {
            return false;
        }
        reserved += more;
        return true;
    }

    private Result overBudget() {
        budget.release(reserved);
        reserved = 0;
        return new Result(null, new OverBudget());
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
                budget.release(reserved);
                finish(new Result(null, chunk.getFailure()));
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            int n = Math.min(buffer.remaining(), cap - bytes.size());
            if (bytes.size() + n > reserved && !take(bytes.size() + n - reserved)) {
                chunk.release();
                finish(overBudget());
                return;
            }
            byte[] part = new byte[n];
            buffer.get(part);
            bytes.write(part, 0, n);
            boolean last = chunk.isLast();
            chunk.release();
            if (last || bytes.size() >= cap) {
                budget.release(reserved - bytes.size()); // a declared length the body fell short of
                finish(new Result(bytes.toByteArray(), null));
                return;
            }
        }
    }
}
