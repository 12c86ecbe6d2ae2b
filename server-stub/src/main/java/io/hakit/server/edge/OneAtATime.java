package io.hakit.server.edge;

import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requests that take memory by the world's size run one at a time: a world's dump or load is megabytes of JSON, and
 * parsing, validating, building and writing it take several times that. Forty dumps of 10,000 groups at once had run
 * the heap out (bare 500s, and connections left hanging); another such request while one runs is a 503 with
 * Retry-After, at once, holding no thread.
 */
final class OneAtATime extends Handler.Wrapper {

    private final Predicate<Request> heavy;
    private final Semaphore permit = new Semaphore(1);

    OneAtATime(Predicate<Request> heavy, Handler application) {
        super(application);
        this.heavy = heavy;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!heavy.test(request)) {
            return super.handle(request, response, callback);
        }
        if (!permit.tryAcquire()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "Another request is dumping or loading a world: try again in a second.");
            return true;
        }
        boolean handled = false;
        try {
            // Given back as soon as the application is done, before HeldAnswers (in front) sends the answer: given back
            // on completion, the permit was still held once the answer's last bytes were on the wire, and a client
            // that sent its next dump or load on reading them found it taken (OneAtATimeTest).
            handled = super.handle(request, response, Callback.from(permit::release, callback));
            return handled;
        } finally {
            if (!handled) {
                permit.release(); // not taken on (or thrown): its callback will never complete
            }
        }
    }
}
