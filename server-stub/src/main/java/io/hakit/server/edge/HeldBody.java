package io.hakit.server.edge;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A request body's bytes, taken from the edge's budget, given back once: when the answer's last write begins (the
 * application is done with the body by then), or when the answer completes without one. Given back only on
 * completion, they were still held while the answer's last bytes were on the wire, and a client that sent its next
 * body on reading them could find the budget taken by its own previous request.
 */
final class HeldBody {

    private final MemoryBudget budget;
    private final long bytes;
    private final AtomicBoolean givenBack = new AtomicBoolean();

    HeldBody(MemoryBudget budget, long bytes) {
        this.budget = budget;
        this.bytes = bytes;
    }

    /** The response to answer through: its last write gives the body back before a byte of it is sent. */
    Response watching(Request request, Response response) {
        return new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback callback) {
                if (last) {
                    giveBack();
                }
                super.write(last, content, callback);
            }
        };
    }

    /** The answer's callback: gives the body back (if the last write has not) before completing {@code callback}. */
    Callback givenBackBefore(Callback callback) {
        return Callback.from(this::giveBack, callback);
    }

    private void giveBack() {
        if (givenBack.compareAndSet(false, true)) {
            budget.release(bytes);
        }
    }
}
