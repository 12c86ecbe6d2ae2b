package io.hakit.server.edge;

import io.hakit.server.http.RequestAttributes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends an answer that an injected fault delays ({@link RequestAttributes#ANSWER_DELAY_MS}) once the delay is over:
 * the application writes it into memory and is done, and Jetty's scheduler sends it later, so that a delay holds no
 * worker (a test can delay more requests at once than the server has workers). Any other answer passes through
 * untouched.
 */
final class DelayedAnswers extends Handler.Wrapper {

    DelayedAnswers(Handler application) {
        super(application);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HeldAnswer answer = new HeldAnswer(request, response, callback);
        return super.handle(request, answer, answer.whenDone());
    }

    /** The answer, held in memory if its request is delayed. The delay is known before the first write. */
    private static final class HeldAnswer extends Response.Wrapper {
        private final Callback done;
        private ByteArrayOutputStream held;
        private boolean passing;

        HeldAnswer(Request request, Response response, Callback done) {
            super(request, response);
            this.done = done;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback written) {
            if (passing || (held == null && delayMs() == 0)) {
                passing = true;
                super.write(last, content, written);
                return;
            }
            if (held == null) {
                held = new ByteArrayOutputStream();
            }
            if (content != null && content.hasRemaining()) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                held.write(bytes, 0, bytes.length);
            }
            written.succeeded();
        }

        Callback whenDone() {
            return new Callback() {
                @Override
                public void succeeded() {
                    long delay = passing ? 0 : delayMs();
                    if (delay == 0) {
                        done.succeeded();
                    } else {
                        getRequest().getComponents().getScheduler().schedule(HeldAnswer.this::send, delay,
                                TimeUnit.MILLISECONDS);
                    }
                }

                @Override
                public void failed(Throwable failure) {
                    done.failed(failure);
                }

                @Override
                public InvocationType getInvocationType() {
                    return done.getInvocationType();
                }
            };
        }

        private void send() {
            if (held == null) {
                done.succeeded(); // an answer without a body: Jetty sends its status and headers
            } else {
                getWrapped().write(true, ByteBuffer.wrap(held.toByteArray()), done);
            }
        }

        private long delayMs() {
            return getRequest().getAttribute(RequestAttributes.ANSWER_DELAY_MS) instanceof Integer ms ? ms : 0;
        }
    }
}
