package io.hakit.server;

import io.hakit.server.domain.Durations;
import io.hakit.server.domain.Limits;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -jar ha-reference-server.jar [--host H] [--port P] [--public-url URL] [--tokens FILE] [--world FILE]
 * [--durations short|immediate|documented] [--limits off|documented]}.
 */
public final class ReferenceServerMain {

    private static final String LOCALE_PROVIDERS = "java.locale.providers";

    private ReferenceServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        useRootLocale();
        ServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar ha-reference-server.jar [--host 127.0.0.1] [--port 8080] "
                    + "[--public-url URL] [--tokens FILE] [--world FILE] [--durations short|immediate|documented] "
                    + "[--limits off|documented]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        ReferenceServer server;
        try {
            server = ReferenceServer.start(config);
        } catch (UncheckedIOException | IllegalArgumentException e) { // a port in use, a world file that is not one
            System.err.println("cannot start: " + reason(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        System.out.printf("HA reference server listening on %s (links use %s); docs %s/docs/; tokens %s; ready in %d ms%n",
                server.baseUri(), server.publicUrl(), server.baseUri(), server.tokens().describe(),
                (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        Thread.currentThread().join();
    }

    /**
     * The server's process runs in the root locale, whatever the host's: it answers the same on every machine, and the
     * request validator's message bundle (msg-simple) has only a root source. In any other default locale (en, de_DE)
     * each message it looks up first tries the missing source, and msg-simple makes a new ExecutionException, stack
     * trace and all, for every such try: 3.6 % of the write mix's CPU, judging each new group's id.
     *
     * <p>Its locale data come from the JDK's fallback provider, which holds the root locale's: with no locale service
     * provider installed, "SPI" leaves the JDK only that one (unless the command line names others). The default,
     * CLDR, builds its table of about a thousand locales at every start, twice here (Jackson's date format and
     * Jetty's MimeTypes), about a tenth of the CPU to the first answer. The JDK reads the property when a locale's
     * data are first asked for, after this. The answers are the same byte for byte (docs/benchmarks.md).
     */
    static void useRootLocale() {
        if (System.getProperty(LOCALE_PROVIDERS) == null) {
            System.setProperty(LOCALE_PROVIDERS, "SPI");
        }
        Locale.setDefault(Locale.ROOT);
    }

    /** The failure and its cause in one line, for a user: no stack trace. */
    static String reason(RuntimeException e) {
        Throwable cause = e.getCause();
        boolean told = cause == null || cause.getMessage() == null || e.getMessage().contains(cause.getMessage());
        return told ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    static ServerConfig parse(String[] args) {
        ServerConfig config = ServerConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            config = switch (option) {
                case "--host" -> config.withHost(value);
                case "--port" -> config.withPort(port(value));
                case "--public-url" -> config.withPublicUrl(value);
                case "--tokens" -> config.withTokens(Path.of(value));
                case "--world" -> config.withWorld(Path.of(value));
                case "--durations" -> config.withDurations(Durations.Profile.valueOf(value.toUpperCase(Locale.ROOT)));
                case "--limits" -> config.withLimits(switch (value) {
                    case "off" -> Limits.NONE;
                    case "documented" -> Limits.DOCUMENTED;
                    default -> throw new IllegalArgumentException("--limits is off or documented");
                });
                default -> throw new IllegalArgumentException("unknown option " + option);
            };
        }
        return config;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0 to 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number");
        }
    }
}
