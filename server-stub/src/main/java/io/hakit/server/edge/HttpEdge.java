package io.hakit.server.edge;

import io.hakit.server.http.BodyLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server the reference server runs in, configured whole before it starts: HTTP/1.1 parsed to RFC 9110
 * (conflicting lengths, obs-fold, bare CR, duplicate Host refused), URIs to RFC 3986 refusing ambiguous forms (but
 * the escaped '/' and '%' of the documented ACL address), request headers capped, every idle read or write bounded,
 * then the kit's edge ({@link EdgeHandler}) in front of the Swagger UI and the API. Why Jetty rather than Grizzly:
 * README, "Tools and why".
 */
public final class HttpEdge {

    /** How long a connection may wait for its client's next byte (a stalled header, body or read of the answer). */
    public static final int IDLE_TIMEOUT_MS = 10_000;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /**
     * Connections open at once; past it, Jetty accepts no more until one closes (they wait in the socket's backlog)
     * and shortens the idle timeout of those it holds to {@link #IDLE_TIMEOUT_AT_LIMIT_MS}. Each connection may hold
     * a header block being parsed (up to {@link #MAX_HEADER_BYTES}, about 16 KB of heap): without a cap, clients
     * that sent a header line every few seconds took 5,500 connections and the whole heap, and the server never
     * answered again. 1,024 of them hold 16 MB.
     */
    static final int MAX_CONNECTIONS = 1024;
    static final int IDLE_TIMEOUT_AT_LIMIT_MS = 2_000;
    static final int ACCEPT_QUEUE = 512;
    /**
     * Threads for Jetty and the application, four per core and at least 8. No thread waits on a client (bodies are
     * read and answers sent without one, {@link EdgeHandler}, {@link HeldAnswers}) or sleeps (injected delays), so
     * workers only compute, and more of them than the cores can run only preempt each other: with 64, the read mix's
     * p99 was 1.5-2 times what it was with 8 (docs/benchmarks.md, issue 12).
     */
    static final int WORKERS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    /**
     * One selector thread per core: each runs the requests it reads ({@link EdgeHandler} is non-blocking), so with
     * one, a single core served every request (the write mix 20 % slower than with the workers).
     */
    static final int SELECTORS = Runtime.getRuntime().availableProcessors();
    /**
     * The bytes of answers held for clients that have not read them yet, all connections together: a quarter of the
     * heap of the README's command (-Xmx128m): about a dozen reference pages (2.5 MB each), or three state dumps of
     * 10,000 groups (9.7 MB).
     */
    static final long HELD_ANSWERS_BUDGET_BYTES = 32L * 1024 * 1024;
    /**
     * The bytes of request bodies read and not yet answered, all connections together: another quarter of the heap.
     * 32 API bodies at their limit, or two worlds at the control API's.
     */
    static final long HELD_BODIES_BUDGET_BYTES = 32L * 1024 * 1024;

    /**
     * Jetty's URI rules (ambiguous and suspicious paths refused), but the escaped '/' and '%', which are how the
     * documented ACL address is written (1.2.3.4%25252F32). The edge applies them ({@link EdgeHandler}), not the
     * connector: refused there, a request's unread body would reset the connection under the 400.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("HAKIT",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);

    private final Server server;
    private final EdgeHandler edge;
    /** The Swagger UI, then the API once it is mounted. */
    private final Handler.Sequence routes;

    private HttpEdge(Server server, EdgeHandler edge, Handler.Sequence routes) {
        this.server = server;
        this.edge = edge;
        this.routes = routes;
    }

    /**
     * The server with everything but the API, which is {@linkplain #mount mounted} before it starts: the reference
     * server builds this on one thread while Jersey builds the application on another.
     */
    public static HttpEdge build(String host, int port, BodyLimits limits, String swaggerUiVersion) {
        QueuedThreadPool threads = new QueuedThreadPool(WORKERS, 4);
        threads.setName("hakit");
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setUriCompliance(UriCompliance.UNSAFE); // URI_COMPLIANCE: applied by the edge

        ServerConnector connector = new ServerConnector(server, 1, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        // The socket's backlog: with the JDK's default (50), a burst of clients (a CI job's parallel tests, or the
        // connections past MAX_CONNECTIONS) overflowed it and the kernel dropped their SYNs: each waited a 1 s resend.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
        limit.setEndPointIdleTimeout(IDLE_TIMEOUT_AT_LIMIT_MS);
        server.addBean(limit);

        server.setErrorHandler(new FaultErrorHandler());
        Handler.Sequence routes = new Handler.Sequence(new LazyDocsHandler(() -> docs(server, swaggerUiVersion)));
        EdgeHandler edge = new EdgeHandler(limits, new MemoryBudget(HELD_BODIES_BUDGET_BYTES),
                LingeringClose.Bounds.DEFAULT, routes);
        server.setHandler(edge);
        return new HttpEdge(server, edge, routes);
    }

    /** Binds the listening socket (without accepting yet) and tells its port: links can name it before the first request. */
    public int bind() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + connector.getHost() + ":" + connector.getPort(), e);
        }
        return connector.getLocalPort();
    }

    /** Closes the socket {@link #bind} opened, for a start that failed before the server could start. */
    public void unbind() {
        ((ServerConnector) server.getConnectors()[0]).close();
    }

    /**
     * Puts the API behind the Swagger UI: whatever {@code /docs} does not serve goes to it, its answers leave from
     * memory without a thread waiting on the client ({@link HeldAnswers}), and a world moves one at a time
     * ({@link OneAtATime}). The edge reads the bodies of the requests {@code admission} lets in, and only those.
     */
    public void mount(Handler api, BodyAdmission admission) {
        edge.admitBodiesOf(admission);
        routes.addHandler(new HeldAnswers(new MemoryBudget(HELD_ANSWERS_BUDGET_BYTES), new OneAtATime(
                HttpEdge::movesAWorld, api)));
    }

    /** A dump or a load of the world (the control API's /_emulator/state): megabytes in its body or its answer. */
    private static boolean movesAWorld(Request request) {
        return Request.getPathInContext(request).equals("/_emulator/state");
    }

    public Server server() {
        return server;
    }

    /** Swagger UI from its webjar, with the kit's initializer (the served documents) laid over it; /docs redirects to /docs/. */
    private static Handler docs(Server server, String swaggerUiVersion) {
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.combine(List.of(resources.newClassLoaderResource("docs-overrides/"),
                resources.newClassLoaderResource("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion + "/"))));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        return new ContextHandler(new Handler.Sequence(files, new NotFound()), "/docs");
    }

    /**
     * What the Swagger UI does not have is a 404 here, never a path that falls through to the API; a method its files
     * do not answer (they are read-only: GET and HEAD) is a 405 with Allow, as on the other pages for readers.
     */
    private static final class NotFound extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method) || HttpMethod.OPTIONS.is(method)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            } else {
                response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.GET.asString());
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                        method + " is not among this path's methods.");
            }
            return true;
        }
    }
}
