package io.hakit.server.edge;

import io.hakit.server.http.BuiltOnFirstUse;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The docs pages, built on the first request under {@code /docs}: serving them mounts the server's jar as a file
 * system and indexes its tens of thousands of entries, which a start-up (and a server nobody browses) need not pay.
 * Any other path passes by untouched.
 */
final class LazyDocsHandler extends Handler.Abstract {

    private final Supplier<Handler> build;
    private final BuiltOnFirstUse<Handler> docs = new BuiltOnFirstUse<>(this::startDocs);

    LazyDocsHandler(Supplier<Handler> build) {
        this.build = build;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals("/docs") && !path.startsWith("/docs/")) {
            return false;
        }
        return docs.get().handle(request, response, callback);
    }

    private Handler startDocs() {
        Handler built = build.get();
        built.setServer(getServer());
        addBean(built, true); // started now, stopped with this handler
        if (isStarted()) {
            try {
                built.start();
            } catch (Exception e) {
                throw new IllegalStateException("the docs pages did not start", e);
            }
        }
        return built;
    }
}
