package io.hakit.server.edge;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * For an answer given without reading all of its request's body (a 413 for a body over the limit, a 400 for a target
 * or a coding refused before the body): the connection closes in stages (RFC 9112, 9.6), so that a client still
 * sending reads its answer rather than a reset. Jetty aborts a connection whose request content is left unread when
 * its answer completes, and with the client's bytes unread the kernel resets the connection: a client still writing
 * then loses the answer it was sent ("Broken pipe").
 *
 * <p>The answer says {@code Connection: close}, so Jetty shuts its output after it and the client sees the answer
 * end; then the rest of the body is read and discarded, without a thread waiting on the client, and only then is the
 * answer complete and the connection closed. Bounded ({@link Bounds}): past so many bytes, so long after the answer,
 * or an idle timeout, the connection is aborted as before.
 */
final class LingeringClose implements Runnable {

    /**
     * How much of a refused body is read and discarded, and for how long after the answer, to let its client see the
     * answer.
     */
    record Bounds(long maxDiscardedBytes, long lingerMs) {
        /** 16 times the API's body limit; as long as a connection may stay idle. */
        static final Bounds DEFAULT = new Bounds(16L * 1024 * 1024, HttpEdge.IDLE_TIMEOUT_MS);
    }

    private final Request request;
    private final Bounds bounds;
    private final Callback answered;
    private volatile Scheduler.Task lingerTimer;
    private long discarded;
    private boolean answering;

    private LingeringClose(Request request, Bounds bounds, Callback answered) {
        this.request = request;
        this.bounds = bounds;
        this.answered = answered;
    }

    /**
     * Arranges the staged close of {@code request}'s connection (the request as the connection delivered it: its
     * content is what is left unread); returns the callback the answer completes with.
     */
    static Callback arrange(Request request, Bounds bounds, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        if (request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
            return callback; // the client waits for a go-ahead it will not get: its body is not on its way
        }
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                new LingeringClose(request, bounds, callback).start();
            }
        };
    }

    private void start() {
        lingerTimer = request.getComponents().getScheduler().schedule(this::lingerIsOver, bounds.lingerMs(),
                TimeUnit.MILLISECONDS);
        run();
    }

    /** Reads what has arrived, then waits for more without a thread; a failure (timeout, reset) ends it too. */
    @Override
    public void run() {
        boolean done = false;
        while (!done) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            discarded += chunk.remaining();
            chunk.release();
            done = chunk.isLast() || Content.Chunk.isFailure(chunk) || discarded > bounds.maxDiscardedBytes();
        }
        synchronized (this) {
            answering = true;
        }
        lingerTimer.cancel();
        answered.succeeded(); // with the body read to its end, Jetty closes the connection; otherwise it aborts it
    }

    /** Fails the body's read, which ends {@link #run}; not once the answer completes (the request is recycled then). */
    private synchronized void lingerIsOver() {
        if (!answering) {
            request.fail(new TimeoutException("the rest of a refused body took too long"));
        }
    }
}
