package io.hakit.server.edge;

import io.hakit.server.http.RequestAttributes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The application writes its answer into memory and is done; Jetty then sends it without a thread waiting on the
 * client. Jersey writes through a blocking stream, so otherwise a client that reads its answer slowly, or not at all,
 * would hold a worker until the idle timeout, and a few dozen such clients (asking for the 2.5 MB reference page, say)
 * would stall the server. An answer that an injected fault delays ({@link RequestAttributes#ANSWER_DELAY_MS}) is sent
 * when its delay is over, by Jetty's scheduler. Sent whole, in one last write, every answer carries its
 * Content-Length (Jetty's), never chunked: clients and proxies prefer a length, and it is what the service sends. A
 * HEAD is answered as its GET ({@link HeadAsGet}) and leaves as that answer's head: its header fields and the
 * Content-Length of the content it does not carry.
 *
 * <p>The bytes held for all answers not yet sent are bounded ({@code budget}): an answer that would go past it is
 * dropped while it is written and answered 503 instead, so that clients that do not read cannot fill the heap.
 */
final class HeldAnswers extends Handler.Wrapper {

    private final MemoryBudget budget;

    HeldAnswers(MemoryBudget budget, Handler application) {
        super(application);
        this.budget = budget;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HeldAnswer answer = new HeldAnswer(request, response, callback);
        return super.handle(HeadAsGet.of(request), answer, answer.whenWritten());
    }

    /** One answer, in memory until the application is done with it. */
    private final class HeldAnswer extends Response.Wrapper {
        private final Callback sent;
        private final Bytes bytes = new Bytes();
        private boolean overBudget;

        HeldAnswer(Request request, Response response, Callback sent) {
            super(request, response);
            this.sent = sent;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback written) {
            int length = content == null ? 0 : content.remaining();
            if (!overBudget && length > 0) {
                if (budget.reserve(length)) {
                    bytes.append(content);
                } else {
                    overBudget = true;
                    budget.release(bytes.size());
                    bytes.reset();
                }
            }
            written.succeeded();
        }

        /** What the application calls when it is done: the answer leaves now, after its delay, or as a 503. */
        Callback whenWritten() {
            return new Callback() {
                @Override
                public void succeeded() {
                    long delay = delayMs();
                    if (delay > 0) {
                        getRequest().getComponents().getScheduler().schedule(HeldAnswer.this::send, delay,
                                TimeUnit.MILLISECONDS);
                    } else {
                        send();
                    }
                }

                @Override
                public void failed(Throwable failure) {
                    release();
                    sent.failed(failure);
                }

                @Override
                public InvocationType getInvocationType() {
                    return sent.getInvocationType();
                }
            };
        }

        private void send() {
            if (overBudget) {
                String connection = getWrapped().getHeaders().get(HttpHeader.CONNECTION);
                getWrapped().reset();
                if (connection != null) { // a staged close (LingeringClose) stays one
                    getWrapped().getHeaders().put(HttpHeader.CONNECTION, connection);
                }
                Response.writeError(getRequest(), getWrapped(), sent, HttpStatus.SERVICE_UNAVAILABLE_503,
                        "The server holds too many answers its clients have not read yet: try again shortly.");
                return;
            }
            // Always a last write here, even of nothing. Completed without one, the answer's end is sent by Jetty
            // (12.1.14), and the callback of that send can be queued behind the previous answer's completion on this
            // connection, still running here, then run once the next request has begun, on its state (with -ea, an
            // AssertionError in HttpChannelState$LastWriteCallback).
            ByteBuffer content = bytes.asBuffer();
            if (HeadAsGet.isHead(getRequest())) {
                getWrapped().getHeaders().put(HttpHeader.CONTENT_LENGTH, content.remaining());
                content = ByteBuffer.allocate(0);
            }
            getWrapped().write(true, content, Callback.from(
                    () -> {
                        release();
                        sent.succeeded();
                    },
                    failure -> {
                        release();
                        sent.failed(failure);
                    }));
        }

        private void release() {
            if (!overBudget) {
                budget.release(bytes.size());
            }
        }

        private long delayMs() {
            return getRequest().getAttribute(RequestAttributes.ANSWER_DELAY_MS) instanceof Integer ms ? ms : 0;
        }
    }

    /** The bytes of one answer, handed to Jetty without another copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        void append(ByteBuffer content) {
            int length = content.remaining();
            if (count + length > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(count + length, 2 * buf.length));
            }
            content.get(buf, count, length);
            count += length;
        }

        ByteBuffer asBuffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
