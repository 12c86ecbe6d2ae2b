package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.api;
import static io.hakit.server.TestServer.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.http.AuthenticationFilter;
import io.hakit.server.http.TokenRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token is needed on everything under /v1.0 (401 otherwise), a token opens its own account only (403 on another
 * account's path, whether or not the resource exists), and no account ever sees another's resources.
 */
class AuthAndTenancyTest {

    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";

    @BeforeEach
    void documentedWorld() {
        TestServer.resetDocumented();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/1234/ha", HA_1, HA_1 + "/acls", "/v1.0/1234/backups", "/v1.0/1234/flavors",
            "/v1.0/1234/nothing-here", "/flavors/9", "/instances/82cba72c-26a3-4e61-a4f1-7c65647b1c9f"})
    void noTokenOrAnUnknownOneIsUnauthorized(String path) {
        assertRefused(401, () -> api(null).get(path));
        assertRefused(401, () -> api("not-a-token").get(path));
    }

    @Test
    void authenticationComesBeforeEverythingElse() {
        assertRefused(401, () -> api(null).body("{not json").post(HA_1 + "/action"));
        assertRefused(401, () -> api(null).put(HA_1));
        assertRefused(401, () -> api(null).contentType("text/plain").body("x").post("/v1.0/1234/ha"));
        assertRefused(401, () -> api(null).get("/v2.0/1234/ha"));
    }

    @Test
    void anotherAccountsPathIsForbiddenWhetherOrNotTheResourceExists() {
        assertRefused(403, () -> api().get("/v1.0/5678/ha"));
        assertRefused(403, () -> api(TestServer.OTHER_TOKEN).get(HA_1));
        assertRefused(403, () -> api(TestServer.OTHER_TOKEN).get("/v1.0/1234/ha/no-such-group"));
        assertRefused(403, () -> api(TestServer.OTHER_TOKEN).delete(HA_1));
    }

    @Test
    void noAccountSeesAnothersResources() {
        TestServer.freeze(); // the new group stays in BUILD: a slow machine must not see it finish between two reads
        String other = api(TestServer.OTHER_TOKEN).body(TestServer.newGroupBody("theirs").toString())
                .post("/v1.0/5678/ha").then().statusCode(202).extract().path("ha_instance.id");
        List<String> mine = api().get("/v1.0/1234/ha").then().statusCode(200).extract().path("ha_instances.id");
        assertThat(mine).doesNotContain(other).contains("e7fdf90b-7140-4edb-b449-e093d55008fb");
        List<String> theirs = api(TestServer.OTHER_TOKEN).get("/v1.0/5678/ha").then().extract().path("ha_instances.id");
        assertThat(theirs).containsExactly(other);
        assertRefused(404, () -> api().get("/v1.0/1234/ha/" + other));
        assertRefused(404, () -> api(TestServer.OTHER_TOKEN).get("/v1.0/5678/backups/2ef3c5c0-5b8e-4e3c-9c5e-0d3b9a4f7a11"));
        assertRefused(404, () -> api(TestServer.OTHER_TOKEN).get("/instances/82cba72c-26a3-4e61-a4f1-7c65647b1c9f"));
        List<?> backups = api(TestServer.OTHER_TOKEN).get("/v1.0/5678/backups").then().extract().path("backups");
        assertThat(backups).isEmpty();
    }

    @Test
    void bookmarksAnswerForTheTokensOwnAccount() {
        api().get("/instances/82cba72c-26a3-4e61-a4f1-7c65647b1c9f").then().statusCode(200);
        api().get("/configurations/bbbcdf40-e4cc-423d-8e4b-1f0c7190dac4").then().statusCode(200);
        api().get("/flavors/9").then().statusCode(200);
    }

    /**
     * A bookmark's root opens the bookmark only: {@code /flavors/5678/ha} is routed as {@code /{version}/{accountId}/ha}
     * of account 5678, and was let through by authentication (the access guard behind it refused it, and read the
     * body first). Now authentication refuses it, before the body is read: this one never arrives.
     */
    @ParameterizedTest
    @ValueSource(strings = {"flavors", "instances", "configurations"})
    void aBookmarksRootOpensNoOtherAccountsPath(String root) throws IOException {
        String path = "/" + root + "/5678/ha";
        assertThat(AuthenticationFilter.wouldPass(TokenRegistry.defaults(), path, TestServer.TOKEN)).isFalse();
        assertRefused(403, () -> api().get(path));
        URI base = TestServer.server().baseUri();
        try (Socket socket = RawSockets.connect(base.getHost(), base.getPort())) {
            RawSockets.send(socket, "POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n");
            assertThat(RawSockets.head(socket.getInputStream())).startsWith("HTTP/1.1 403 ");
        }
    }

    @Test
    void theSeedsThreeTokensAllOpenAccount1234() {
        for (String token : List.of("e3b2c743aebf467fb6b91cbb644c036e", "f47d99adabe14bc8bd7bccda88292918",
                "87c6033c-9ff6-405f-943e-2deb73f278b7")) {
            api(token).get("/v1.0/1234/ha").then().statusCode(200);
        }
    }

    @Test
    void theRootTheDocumentsAndTheDocsNeedNoToken() {
        api(null).get("/").then().statusCode(200);
        raw().get("/openapi.yaml").then().statusCode(200).contentType("application/yaml");
        raw().get("/_emulator/openapi.yaml").then().statusCode(200);
        String page = raw().get("/docs/index.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("swagger-ui");
        assertThat(raw().get("/docs/swagger-initializer.js").then().statusCode(200).extract().asString())
                .contains("/openapi.yaml");
        assertThat(raw().get("/openapi.yaml").asString()).contains("x-documented-requests");
    }
}
