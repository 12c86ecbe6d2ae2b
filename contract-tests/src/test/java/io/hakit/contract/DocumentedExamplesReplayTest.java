package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.DocumentedReplay;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.DocumentedExchange;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented example pair, read from the bundled document, replayed verbatim against the reference server
 * (in the documented world, with the documented public URL so that hrefs compare), in process and as the README's
 * command runs it, and against Prism (selecting the
 * example by name, or the status where the documented answer has no body). Every answer is validated too.
 */
class DocumentedExamplesReplayTest {

    static final String DOCUMENTED_PUBLIC_URL = "https://ord.databases.api.rackspacecloud.com";

    static Stream<DocumentedExchange> exchanges() {
        return HaContract.load().documentedExchanges().stream();
    }

    /** Each exchange in the world its example presupposes, each answer validated strictly: no undocumented field. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class AgainstAReferenceServer {

        private URI server;
        private DocumentedReplay replay;

        /** Starts the server in the documented world, with the documented public URL, and says where it listens. */
        abstract URI start();

        abstract void stop();

        @BeforeAll
        void startAndReplayAgainstIt() {
            server = start();
            replay = new DocumentedReplay(server, ContractValidators.strict());
        }

        @AfterAll
        void stopIt() {
            stop();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.hakit.contract.DocumentedExamplesReplayTest#exchanges")
        void replays(DocumentedExchange exchange) throws Exception {
            reset(server, exchange.name());
            assertThat(replay.replay(exchange, Map.of()).problems()).as(exchange.name()).isEmpty();
        }
    }

    @Nested
    class AgainstTheReferenceServer extends AgainstAReferenceServer {

        private ReferenceServer server;

        @Override
        URI start() {
            server = ReferenceServer.start(ServerConfig.defaults().withPort(0).withPublicUrl(DOCUMENTED_PUBLIC_URL));
            return server.baseUri();
        }

        @Override
        void stop() {
            server.close();
        }
    }

    /**
     * The same, against the server as the README's command runs it (its JVM options, and what its main sets: the root
     * locale and the JDK's fallback locale provider): the answers do not depend on how the server was started.
     */
    @Nested
    class AgainstTheReadmeCommand extends AgainstAReferenceServer {

        private ReadmeServer server;

        @Override
        URI start() {
            server = ReadmeServer.start("--public-url", DOCUMENTED_PUBLIC_URL);
            return server.uri();
        }

        @Override
        void stop() {
            server.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstPrism {

        private PrismMock prism;
        private DocumentedReplay replay;

        @BeforeAll
        void start() {
            prism = PrismMock.start();
            replay = new DocumentedReplay(prism.uri(), ContractValidators.asDocumented());
        }

        @AfterAll
        void stop() {
            prism.close();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.hakit.contract.DocumentedExamplesReplayTest#exchanges")
        void replays(DocumentedExchange exchange) {
            String prefer = exchange.responseBody().isPresent() ? "example=" + exchange.name() : "code=" + exchange.status();
            assertThat(replay.replay(exchange, Map.of("Prefer", prefer)).problems()).as(exchange.name()).isEmpty();
        }
    }

    /** The reference server's control API: the world this example presupposes. */
    static void reset(URI server, String example) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(server.resolve("/_emulator/reset")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\": \"documented\", \"example\": \"" + example + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
