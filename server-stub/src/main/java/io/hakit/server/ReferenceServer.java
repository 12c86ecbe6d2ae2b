package io.hakit.server;

import io.hakit.server.domain.Durations;
import io.hakit.server.domain.EmulatorClock;
import io.hakit.server.domain.HaService;
import io.hakit.server.domain.World;
import io.hakit.server.edge.HttpEdge;
import io.hakit.server.emulator.EmulatorState;
import io.hakit.openapi.HaContract;
import io.hakit.server.emulator.Scenarios;
import io.hakit.server.emulator.WorldValuesAsDocumented;
import io.hakit.server.http.AuthenticationFilter;
import io.hakit.server.http.BodyLimits;
import io.hakit.server.http.InjectedFaults;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.server.Server;
import org.slf4j.LoggerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;

/**
 * The reference server: Jersey on Jetty, behind the kit's HTTP edge ({@link HttpEdge}), with the emulated world
 * behind it. Everything is in place before the server accepts its first connection.
 */
public final class ReferenceServer implements AutoCloseable {

    private final Server http;
    private final World world;
    private final TokenRegistry tokens;
    private final URI baseUri;
    private final String publicUrl;

    private ReferenceServer(Server http, World world, TokenRegistry tokens, URI baseUri, String publicUrl) {
        this.http = http;
        this.world = world;
        this.tokens = tokens;
        this.baseUri = baseUri;
        this.publicUrl = publicUrl;
    }

    public static ReferenceServer start(ServerConfig config) {
        // Logging is set up here, before any other thread can log: SLF4J would otherwise warn that it replayed
        // calls made during its initialisation.
        LoggerFactory.getILoggerFactory();
        // Jetty is built and bound on a second thread while this one builds the world and Jersey's application (the
        // longer part of the start, about three quarters): the two meet when the API is mounted.
        BodyLimits bodyLimits = new BodyLimits(config.maxBodyBytes());
        CompletableFuture<BoundEdge> edge = CompletableFuture.supplyAsync(() -> BoundEdge.of(config, bodyLimits),
                task -> new Thread(task, "hakit-start-edge").start());
        Emulated emulated;
        try {
            emulated = Emulated.of(config, bodyLimits);
        } catch (RuntimeException | Error e) {
            unbind(edge);
            throw e;
        }

        BoundEdge bound = joined(edge);
        bound.edge().mount(emulated.jersey(), (path, headers) -> AuthenticationFilter.wouldPass(emulated.tokens(), path,
                headers.contains(AuthenticationFilter.TOKEN_HEADER) // as JAX-RS reads it: every value, comma-joined
                        ? String.join(",", headers.getValuesList(AuthenticationFilter.TOKEN_HEADER)) : null));
        URI baseUri = URI.create("http://" + inUrl(config.host()) + ":" + bound.port());
        String publicUrl = config.publicUrl().orElse(baseUri.toString());
        emulated.links().publicUrl(publicUrl);
        Server http = bound.edge().server();
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the server on " + baseUri + ": " + e.getMessage(), e);
        }
        return new ReferenceServer(http, emulated.world(), emulated.tokens(), baseUri, publicUrl);
    }

    /** A host as a URL writes it: an IPv6 address in brackets (RFC 3986, 3.2.2), else as it is. */
    private static String inUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The emulated world and the Jersey application that serves it; links learn the public URL once it is known. */
    private record Emulated(World world, TokenRegistry tokens, Links links, JettyHttpContainer jersey) {
        static Emulated of(ServerConfig config, BodyLimits bodyLimits) {
            EmulatorClock clock = new EmulatorClock(Clock.systemUTC());
            World world = new World(new InMemoryHaStore(), clock, new Durations(config.durations()), config.region());
            world.defaultLimits(config.limits());
            config.world().ifPresent(file -> loadWorld(world, file));
            HaService service = new HaService(world);
            TokenRegistry tokens = config.tokens().map(TokenRegistry::fromFile).orElseGet(TokenRegistry::defaults);
            EmulatorState emulator = new EmulatorState(world, new InjectedFaults(), new Journal(),
                    new RateLimiter(clock), config.durations(), new io.hakit.server.resources.AclEncoding());
            Links links = new Links();
            ApiApplication application = new ApiApplication(service, new Views(links), tokens, emulator, bodyLimits,
                    config.ownNames());
            return new Emulated(world, tokens, links,
                    ContainerFactory.createContainer(JettyHttpContainer.class, application));
        }
    }

    /** The edge with its socket bound, and the port it got. */
    private record BoundEdge(HttpEdge edge, int port) {
        static BoundEdge of(ServerConfig config, BodyLimits bodyLimits) {
            HttpEdge edge = HttpEdge.build(config.host(), config.port(), bodyLimits, swaggerUiVersion());
            return new BoundEdge(edge, edge.bind());
        }
    }

    /** Frees the port of a start that failed, once the edge's thread has bound it (if it could). */
    private static void unbind(CompletableFuture<BoundEdge> edge) {
        try {
            edge.join().edge().unbind();
        } catch (CompletionException bindFailed) {
            // nothing was bound
        }
    }

    /** What the edge's thread threw (a port in use) is thrown here as it was. */
    private static BoundEdge joined(CompletableFuture<BoundEdge> edge) {
        try {
            return edge.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void loadWorld(World world, java.nio.file.Path file) {
        try {
            WorldFile dump = Scenarios.JSON.readValue(file.toFile(), WorldFile.class);
            new WorldValuesAsDocumented(HaContract.load().document()).check(dump, Optional.empty());
            world.locked(() -> WorldFiles.load(world, dump, Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the world " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the world " + file + " is not one: " + e.getMessage(), e);
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

    public TokenRegistry tokens() {
        return tokens;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly", e);
        }
    }
}
