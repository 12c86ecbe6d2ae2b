package io.hakit.server;

import io.hakit.server.domain.Durations;
import io.hakit.server.domain.EmulatorClock;
import io.hakit.server.domain.HaService;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.EmulatorState;
import io.hakit.server.emulator.Scenarios;
import io.hakit.server.http.InjectedFaults;
import io.hakit.server.http.MalformedUriFilter;
import io.hakit.server.http.Journal;
import io.hakit.server.http.RateLimiter;
import io.hakit.server.http.TokenRegistry;
import io.hakit.server.resources.views.Links;
import io.hakit.server.resources.views.Views;
import io.hakit.server.store.InMemoryHaStore;
import io.hakit.server.store.WorldFile;
import io.hakit.server.store.WorldFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/** The reference server: Jersey on Grizzly, with the emulated world behind it. */
public final class ReferenceServer implements AutoCloseable {

    /** How long a blocked read or write of one request may wait for its client. */
    static final int READ_TIMEOUT_SECONDS = 10;

    private final HttpServer http;
    private final World world;
    private final URI baseUri;
    private final String publicUrl;

    private ReferenceServer(HttpServer http, World world, URI baseUri, String publicUrl) {
        this.http = http;
        this.world = world;
        this.baseUri = baseUri;
        this.publicUrl = publicUrl;
    }

    public static ReferenceServer start(ServerConfig config) {
        EmulatorClock clock = new EmulatorClock(Clock.systemUTC());
        World world = new World(new InMemoryHaStore(), clock, new Durations(config.durations()), config.region());
        world.defaultLimits(config.limits());
        config.world().ifPresent(file -> loadWorld(world, file));
        HaService service = new HaService(world);
        TokenRegistry tokens = config.tokens().map(TokenRegistry::fromFile).orElseGet(TokenRegistry::defaults);
        EmulatorState emulator = new EmulatorState(world, new InjectedFaults(), new Journal(), new RateLimiter(clock),
                config.durations());
        Links links = new Links();
        ApiApplication application = new ApiApplication(service, new Views(links), tokens, emulator, config.maxBodyBytes());

        URI bindUri = URI.create("http://" + config.host() + ":" + config.port() + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(bindUri, application, false);
        allowEncodedSlash(http);
        bound(http.getListeners().iterator().next());
        // A DELETE (or any method) with a body reaches the API, which answers it; Grizzly would answer a bare 400.
        http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        http.getServerConfiguration().addHttpHandler(new CLStaticHttpHandler(ReferenceServer.class.getClassLoader(),
                "/docs-overrides/", "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/"), "/docs");
        try {
            http.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindUri, e);
        }
        NetworkListener listener = http.getListeners().iterator().next();
        var chain = listener.getFilterChain();
        chain.add(chain.indexOfType(org.glassfish.grizzly.http.server.HttpServerFilter.class), new MalformedUriFilter());
        URI baseUri = URI.create("http://" + config.host() + ":" + listener.getPort());
        String publicUrl = config.publicUrl().orElse(baseUri.toString());
        links.publicUrl(publicUrl);
        return new ReferenceServer(http, world, baseUri, publicUrl);
    }

    /**
     * What one client can hold of the server: a slow body ties a worker thread only until the read timeout, enough
     * workers remain for everyone else, idle connections are closed, and headers are capped.
     */
    private static void bound(NetworkListener listener) {
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().setPoolName("hakit-worker")
                .setCorePoolSize(16).setMaxPoolSize(64).setQueueLimit(4096));
        listener.getTransport().setReadTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        listener.getTransport().setWriteTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        listener.getKeepAlive().setIdleTimeoutInSeconds(30);
        listener.setMaxHttpHeaderSize(16 * 1024);
    }

    /**
     * A once-encoded "/" in the ACL address ({@code 1.2.3.4%2F32}) is a value, not a path separator. Grizzly refuses
     * it with a bare 500 in the handler chain it builds around the handlers, which it does not expose: hence the
     * reflection, on Grizzly's own field, checked by RulesTest.
     */
    private static void allowEncodedSlash(HttpServer http) {
        http.getServerConfiguration().getHttpHandlers().keySet().forEach(handler -> handler.setAllowEncodedSlash(true));
        try {
            java.lang.reflect.Field chain = HttpServer.class.getDeclaredField("httpHandlerChain");
            chain.setAccessible(true);
            ((org.glassfish.grizzly.http.server.HttpHandler) chain.get(http)).setAllowEncodedSlash(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Grizzly has no httpHandlerChain to configure", e);
        }
    }

    private static void loadWorld(World world, java.nio.file.Path file) {
        try {
            WorldFile dump = Scenarios.JSON.readValue(file.toFile(), WorldFile.class);
            world.locked(() -> WorldFiles.load(world, dump, Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the world " + file, e);
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = ReferenceServer.class.getResourceAsStream("/hakit-server.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("swagger-ui.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the server listens, for example {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public String publicUrl() {
        return publicUrl;
    }

    public World world() {
        return world;
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
