package io.hakit.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hakit.server.domain.Durations;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: a token registry of one's own, the port, the public URL, the durations. */
class ServerOptionsTest {

    @Test
    void theOptionsAreRead() {
        ServerConfig config = ReferenceServerMain.parse(new String[] {"--host", "0.0.0.0", "--port", "0",
                "--public-url", "https://example.test", "--durations", "documented", "--limits", "documented"});
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isZero();
        assertThat(config.publicUrl()).contains("https://example.test");
        assertThat(config.durations()).isEqualTo(Durations.Profile.DOCUMENTED);
        assertThat(config.limits().maxInstances()).isEqualTo(25);
        assertThatThrownBy(() -> ReferenceServerMain.parse(new String[] {"--port", "eighty"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> ReferenceServerMain.parse(new String[] {"--colour", "blue"})).hasMessageContaining("unknown");
    }

    /**
     * An IPv6 address is written in brackets in a URL (RFC 3986, 3.2.2): with --host ::1, the server printed
     * http://::1:PORT, its base URI had no port (-1) and every link href was one no client can follow.
     */
    @Test
    void anIpv6HostIsBracketedInTheBaseUriAndTheLinks() throws Exception {
        Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withHost("::1").withPort(0))) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUri().toString()).isEqualTo("http://[::1]:" + server.port());
            given().baseUri(server.baseUri().toString()).get("/").then().statusCode(200)
                    .body("versions[0].links[0].href", org.hamcrest.Matchers.equalTo(
                            "http://[::1]:" + server.port() + "/v1.0"));
        }
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The user reads why in one line (cannot start: ...), not a stack trace; the port is free again. */
    @Test
    void aWorldFileThatIsNotOneStopsTheStartWithOneLine(@TempDir Path dir) throws Exception {
        Path world = dir.resolve("world.json");
        Files.writeString(world,
                "{\"accounts\": [{\"id\": \"1234\", \"haInstances\": [{\"id\": \"g\", \"name\": \"g\", \"volume\": 1,"
                        + " \"datastore\": {\"type\": \"mysql\", \"version\": \"5.7\"}, \"sourceId\": \"nope\"}]}]}");
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ServerConfig config = ServerConfig.defaults().withPort(port).withWorld(world);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReferenceServer.start(config));
        assertThat(ReferenceServerMain.reason(refused)).contains(world.toString()).contains("source (nope)")
                .doesNotContain("\n");
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTokenRegistryOfOnesOwnReplacesTheDefaultOne(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": {\"ci-token\": \"4242\"}}");
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withPort(0).withTokens(tokens))) {
            assertThat(server.port()).isPositive();
            given().baseUri(server.baseUri().toString()).header("X-Auth-Token", "ci-token").get("/v1.0/4242/ha")
                    .then().statusCode(200);
            given().baseUri(server.baseUri().toString()).header("X-Auth-Token", TestServer.TOKEN).get("/v1.0/1234/ha")
                    .then().statusCode(401);
            String links = given().baseUri(server.baseUri().toString()).get("/").asString();
            assertThat(links).as("links default to the listening address").contains(server.baseUri().toString());
        }
    }

    @Test
    void aPortInUseIsNamedAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> ReferenceServer.start(ServerConfig.defaults().withPort(taken.getLocalPort())))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** A world file is held to what PUT /_emulator/state holds a world to: its answers' values as documented. */
    @Test
    void aWorldFileWhoseAnswersWouldBreakTheDocumentIsRefusedAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("world.json");
        java.nio.file.Files.writeString(file, "{\"accounts\": [{\"id\": \"1234\", \"configurations\": [{\"id\": \"c-1\","
                + " \"name\": \"c\", \"datastore\": {\"type\": \"mysql\", \"version\": null}}]}]}");
        ServerConfig config = ServerConfig.defaults().withPort(0).withWorld(file);
        assertThatThrownBy(() -> ReferenceServer.start(config)).hasMessageContaining("world.json is not one: account 1234: "
                + "configuration c-1's datastore's version, held to the HA document's "
                + "/components/schemas/ConfigurationGroup/properties/datastore_version_name");
    }

    @Test
    void aStartThatFailsLeavesItsPortFree(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        ServerConfig config = ServerConfig.defaults().withPort(port).withWorld(dir.resolve("no-such-world.json"));
        assertThatThrownBy(() -> ReferenceServer.start(config)).hasMessageContaining("no-such-world.json");
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).as("the port the failed start had bound").isEqualTo(port);
        }
    }
}
