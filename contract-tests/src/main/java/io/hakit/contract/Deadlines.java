package io.hakit.contract;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request bounded as a whole, answer and body: the JDK client's timeout ends when the headers arrive, and a
 * socket timeout restarts with every byte, so an implementation that sends its body a byte at a time held the gate
 * for as long as it liked (--requestTimeoutSeconds=5 and a body of 100 bytes, one every 2 s: 200 s a request).
 */
public final class Deadlines {

    private static final ExecutorService WAITING = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "gate-bounded-request");
        thread.setDaemon(true);
        return thread;
    });

    private Deadlines() {}

    /** The JDK client's send, the body included, within the bound (an HttpTimeoutException after it). */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body,
            Duration bound) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(request, body);
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException(tooLong(bound));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Any blocking request (REST Assured's), within the bound: a TimeoutException after it. */
    public static <T> T call(Callable<T> request, Duration bound) throws Exception {
        Future<T> future = WAITING.submit(request);
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException(tooLong(bound));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String tooLong(Duration bound) {
        return "no whole answer within " + bound.toSeconds() + " s (--requestTimeoutSeconds), headers and body";
    }
}
