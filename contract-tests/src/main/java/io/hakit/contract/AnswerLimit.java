package io.hakit.contract;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;

/**
 * The most of an answer the gate reads: every answer the document describes is a few kilobytes (a page of 100 groups
 * about 100 KB), and an implementation that answered 6.5 GB ran the gate out of memory (no verdict, no reports). An
 * answer past the limit fails its request, said as such, with the JDK's client (the negative testing, the inputs'
 * checks) and with REST Assured's (the scenarios) alike. The edge probes read at most a mebibyte of their own.
 */
public final class AnswerLimit {

    /** 16 MiB. */
    public static final int MAX_BYTES = 16 << 20;

    private AnswerLimit() {}

    /** An answer longer than {@link #MAX_BYTES}: what the request's failure says. */
    public static final class TooLarge extends IOException {
        public TooLarge() {
            super("the answer is longer than " + (MAX_BYTES >> 20) + " MiB, the most the gate reads (every answer the"
                    + " document describes is a few kilobytes)");
        }
    }

    /** Whether this failure, or one of its causes, is an answer past the limit. */
    public static boolean passedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** The JDK client's answer as bytes, at most {@link #MAX_BYTES} of them. */
    public static HttpResponse.BodyHandler<byte[]> bytes() {
        return info -> new Bounded();
    }

    /** The JDK client's answer as UTF-8 text, at most {@link #MAX_BYTES} bytes of it. */
    public static HttpResponse.BodyHandler<String> string() {
        return info -> HttpResponse.BodySubscribers.mapping(new Bounded(), bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** For REST Assured's Apache client: each answer's body read through a counting stream. */
    public static HttpResponseInterceptor apache() {
        return (response, context) -> {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                response.setEntity(new HttpEntityWrapper(entity) {
                    @Override
                    public InputStream getContent() throws IOException {
                        if (entity.getContentLength() > MAX_BYTES) {
                            throw new TooLarge();
                        }
                        return new Counted(entity.getContent());
                    }

                    @Override
                    public void writeTo(java.io.OutputStream out) throws IOException {
                        getContent().transferTo(out);
                    }
                });
            }
        };
    }

    /** Collects the body's buffers until the limit, then cancels the answer and fails. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) { // failed already: the cancel may still be on its way
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (collected.size() + buffer.remaining() > MAX_BYTES) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                collected.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(collected.toByteArray());
        }
    }

    private static final class Counted extends FilterInputStream {
        private long read;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
