package io.hakit.server.hardening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import io.hakit.server.TestServer;
import io.hakit.server.domain.Limits;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With --limits documented, every account has the documented rate and absolute limits. */
class DocumentedLimitsTest {

    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start(ServerConfig.defaults().withPort(0).withLimits(Limits.DOCUMENTED));
        control().body("{\"frozen\": true}").put("/_emulator/clock").then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a101stBackupListInAMinuteIsOverLimitUntilTheWindowMoves() {
        for (int i = 0; i < 100; i++) {
            api().get("/v1.0/1234/backups").then().statusCode(200);
        }
        Response limited = api().get("/v1.0/1234/backups");
        assertThat(limited.statusCode()).isEqualTo(413);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(limited.jsonPath().getString("overLimit.retryAfter")).isEqualTo("60");
        api().get("/v1.0/1234/ha").then().statusCode(200); // other paths are not limited
        control().body("{\"seconds\": 60}").post("/_emulator/clock/advance").then().statusCode(200);
        api().get("/v1.0/1234/backups").then().statusCode(200);
    }

    @Test
    void theTwentySixthInstanceIsOverLimit() {
        for (int i = 0; i < 12; i++) { // a group is two instances: 24
            api().body(TestServer.newGroupBody("limit-" + i).toString()).post("/v1.0/1234/ha")
                    .then().statusCode(202);
        }
        Response refused = api().body(TestServer.newGroupBody("limit-13").toString()).post("/v1.0/1234/ha");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.jsonPath().getInt("overLimit.code")).isEqualTo(413);
        assertThat(refused.header("Retry-After")).as("an absolute limit is not a rate limit").isNull();
    }

    private static RequestSpecification api() {
        return given().baseUri(server.baseUri().toString()).header("X-Auth-Token", TestServer.TOKEN)
                .contentType("application/json");
    }

    private static RequestSpecification control() {
        return given().baseUri(server.baseUri().toString()).contentType("application/json");
    }
}
