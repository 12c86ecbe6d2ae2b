package io.hakit.server;

import static io.hakit.server.TestServer.advance;
import static io.hakit.server.TestServer.api;
import static io.hakit.server.TestServer.control;
import static io.hakit.server.TestServer.group;
import static io.hakit.server.TestServer.ha;
import static io.hakit.server.TestServer.raw;
import static io.hakit.server.TestServer.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The control API: worlds, the clock, durations, injected faults, failovers, limits and the journal. */
class ControlApiTest {

    private static final String HA_1 = "e7fdf90b-7140-4edb-b449-e093d55008fb";

    @BeforeEach
    void documentedWorldFrozenClock() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    @Test
    void anEmptyResetEmptiesTheWorld() {
        TestServer.reset();
        assertThat(api().get(ha("")).then().statusCode(200).extract().<List<?>>path("ha_instances")).isEmpty();
        assertThat(TestServer.world().get("accounts")).isEmpty();
    }

    @Test
    void anAccountResetLeavesTheOtherAccountsAlone() {
        String theirs = api(TestServer.OTHER_TOKEN).body(TestServer.newGroupBody("theirs").toString())
                .post("/v1.0/5678/ha").then().statusCode(202).extract().path("ha_instance.id");
        control("/_emulator/reset", Map.of("account", "1234"));
        assertThat(api().get(ha("")).then().extract().<List<?>>path("ha_instances")).isEmpty();
        api(TestServer.OTHER_TOKEN).get("/v1.0/5678/ha/" + theirs).then().statusCode(200);
        control("/_emulator/reset", Map.of("account", "1234", "scenario", "documented"));
        api().get(ha("/" + HA_1)).then().statusCode(200);
        api(TestServer.OTHER_TOKEN).get("/v1.0/5678/ha/" + theirs).then().statusCode(200);
    }

    /** Each was a 200 that changed nothing the client meant, or a 500 (an example's world loaded for account 5678). */
    @Test
    void aResetThatCannotMeanWhatItSaysIsRefusedAndChangesNothing() {
        JsonNode before = TestServer.world();
        Map<Map<String, String>, Integer> refused = Map.of(
                Map.of("scenario", "documented", "account", "nosuch"), 404,
                Map.of("account", "nosuch"), 404,
                Map.of("example", "listHaAcls"), 400,
                Map.of("scenario", "documented", "example", "listHaAcls", "account", "5678"), 400);
        refused.forEach((body, status) -> {
            io.restassured.response.Response answer = raw().contentType(ContentType.JSON).body(body).post("/_emulator/reset");
            assertThat(answer.statusCode()).as(body + ": " + answer.asString()).isEqualTo(status);
            assertThat(TestServer.json(answer).get("error").asText()).isNotBlank();
        });
        assertThat(TestServer.world()).isEqualTo(before);
        control("/_emulator/reset", Map.of("scenario", "documented", "example", "listHaAcls", "account", "1234"));
    }

    @Test
    void anUnknownExampleIsNotFound() {
        raw().contentType(ContentType.JSON).body(Map.of("scenario", "documented", "example", "noSuchExample"))
                .post("/_emulator/reset").then().statusCode(404);
    }

    @Test
    void theClockMovesOnlyWhenAdvancedWhileFrozen() {
        Instant before = Instant.parse(raw().get("/_emulator/clock").then().statusCode(200).extract().path("now"));
        advance(90);
        JsonNode clock = TestServer.json(raw().get("/_emulator/clock"));
        assertThat(clock.get("frozen").asBoolean()).isTrue();
        assertThat(Duration.between(before, Instant.parse(clock.get("now").asText()))).isEqualTo(Duration.ofSeconds(90));
        raw().contentType(ContentType.JSON).body("{\"seconds\": -1}").post("/_emulator/clock/advance").then().statusCode(400);
    }

    @Test
    void immediateDurationsCompleteOnTheNextRequest() {
        raw().contentType(ContentType.JSON).body(Map.of("profile", "immediate")).put("/_emulator/durations")
                .then().statusCode(200);
        TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(202);
        assertThat(state(HA_1)).isEqualTo("ACTIVE");
    }

    @Test
    void oneDurationCanBeSetAlone() {
        JsonNode durations = TestServer.json(raw().contentType(ContentType.JSON)
                .body(Map.of("seconds", Map.of("restart", 30))).put("/_emulator/durations"));
        assertThat(durations.get("restart").asDouble()).isEqualTo(30.0);
        assertThat(durations.get("build").asDouble()).isEqualTo(1.0);
        TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(202);
        advance(29);
        assertThat(state(HA_1)).isEqualTo("REBOOT");
        advance(1);
        assertThat(state(HA_1)).isEqualTo("ACTIVE");
        raw().contentType(ContentType.JSON).body(Map.of("seconds", Map.of("teleport", 1))).put("/_emulator/durations")
                .then().statusCode(400);
    }

    @Test
    void refusedDurationsChangeNoDuration() {
        String before = raw().get("/_emulator/durations").then().statusCode(200).extract().asString();
        for (String body : List.of("{\"profile\": \"documented\", \"seconds\": {\"teleport\": 1}}",
                "{\"seconds\": {\"restart\": 30, \"teleport\": 1}}", "{\"seconds\": {\"teleport\": 1, \"restart\": 30}}")) {
            raw().contentType(ContentType.JSON).body(body).put("/_emulator/durations").then().statusCode(400);
            assertThat(raw().get("/_emulator/durations").then().statusCode(200).extract().asString())
                    .as(body).isEqualTo(before);
        }
    }

    @Test
    void anInjectedFaultAnswersTheNextRequestsOfItsOperationOnly() {
        control("/_emulator/faults", Map.of("operation", "restartHaInstance", "status", 503, "count", 2));
        api().get(ha("/" + HA_1)).then().statusCode(200); // another operation
        TestServer.action(HA_1, "{\"resize_volumes\": {\"size\": 2}}").then().statusCode(202); // same endpoint, other action
        advance(1);
        for (int i = 0; i < 2; i++) {
            JsonNode fault = TestServer.json(TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(503).extract().response());
            assertThat(fault.at("/serviceUnavailable/code").asInt()).isEqualTo(503);
        }
        TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(202);
        assertThat(TestServer.json(raw().get("/_emulator/faults")).get("faults")).isEmpty();
    }

    @Test
    void anInjectedRateLimitCarriesRetryAfter() {
        control("/_emulator/faults", Map.of("operation", "listHaInstances", "status", 413, "retryAfterSeconds", 30));
        io.restassured.response.Response response = api().get(ha(""));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.header("Retry-After")).isEqualTo("30");
        assertThat(TestServer.json(response).at("/overLimit/retryAfter").asText()).isEqualTo("30");
    }

    @Test
    void delayedAnswersComeAfterTheirDelayAndHoldNoWorker() throws Exception {
        int delayed = 80; // several times the server's workers (HttpEdge.WORKERS)
        control("/_emulator/faults", Map.of("operation", "showHaInstance", "delayMs", 1500, "count", delayed));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long sent = System.nanoTime();
        List<CompletableFuture<Long>> slow = new ArrayList<>();
        for (int i = 0; i < delayed; i++) {
            slow.add(client.sendAsync(tokened(ha("/" + HA_1)), HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains(HA_1);
                return System.nanoTime();
            }));
        }
        // every delayed request has been served its delay (the fault is used up) while none has been answered yet
        Eventually.holds("all delayed requests taken up", () -> armedFaults() == 0);
        HttpResponse<String> quick = client.send(tokened(ha("")), HttpResponse.BodyHandlers.ofString());
        long quickAnswered = System.nanoTime();
        assertThat(quick.statusCode()).isEqualTo(200);

        long firstSlow = Long.MAX_VALUE;
        for (CompletableFuture<Long> answer : slow) {
            long answered = answer.get(20, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(answered - sent)).as("answered after the delay").isGreaterThanOrEqualTo(1500);
            firstSlow = Math.min(firstSlow, answered);
        }
        assertThat(quickAnswered).as("an undelayed request waits for no delayed one").isLessThan(firstSlow);
    }

    @Test
    void aDelayedFaultAndADelayedEmptyAnswerLeaveAfterTheirDelay() {
        control("/_emulator/faults", Map.of("operation", "showHaInstance", "status", 503, "delayMs", 300));
        long sent = System.nanoTime();
        api().get(ha("/" + HA_1)).then().statusCode(503).body("serviceUnavailable.code", org.hamcrest.Matchers.is(503));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isGreaterThanOrEqualTo(300);

        control("/_emulator/faults", Map.of("operation", "restartHaInstance", "delayMs", 300));
        sent = System.nanoTime();
        TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(202).body(org.hamcrest.Matchers.emptyString());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isGreaterThanOrEqualTo(300);
        assertThat(state(HA_1)).as("the operation took effect").isEqualTo("REBOOT");
    }

    private static int armedFaults() {
        return raw().get("/_emulator/faults").then().statusCode(200).extract().<List<?>>path("faults").size();
    }

    private static HttpRequest tokened(String path) {
        return HttpRequest.newBuilder(TestServer.server().baseUri().resolve(path)).header("X-Auth-Token", TestServer.TOKEN)
                .timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void faultsForUnknownOperationsAreRefused() {
        raw().contentType(ContentType.JSON).body(Map.of("operation", "makeCoffee", "status", 500))
                .post("/_emulator/faults").then().statusCode(400);
        raw().contentType(ContentType.JSON).body(Map.of("operation", "restartHaInstance"))
                .post("/_emulator/faults").then().statusCode(400);
    }

    @Test
    void aFailoverPromotesAReplicaAndBuildsAReplacement() {
        String oldSource = group(HA_1).at("/replica_source/0/id").asText();
        String replica = group(HA_1).at("/replicas/0/id").asText();
        JsonNode result = TestServer.json(raw().post("/_emulator/accounts/1234/ha/" + HA_1 + "/failover")
                .then().statusCode(202).extract().response());
        assertThat(result.get("lostSourceId").asText()).isEqualTo(oldSource);
        assertThat(result.get("promotedId").asText()).isEqualTo(replica);

        JsonNode during = group(HA_1);
        assertThat(during.get("state").asText()).isEqualTo("ADDING_REPLICA");
        assertThat(during.at("/replica_source/0/id").asText()).isEqualTo(replica);
        api().get("/v1.0/1234/instances/" + oldSource).then().statusCode(404);

        advance(1);
        JsonNode after = group(HA_1);
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.at("/replicas/0/id").asText()).isEqualTo(result.get("replacementId").asText());
        assertThat(after.at("/replicas/0/replica_of/id").asText()).isEqualTo(replica);
        raw().post("/_emulator/accounts/1234/ha/no-such-group/failover").then().statusCode(404);
        TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(202);
        raw().post("/_emulator/accounts/1234/ha/" + HA_1 + "/failover").then().statusCode(409);
    }

    /**
     * What a page of another origin sends without a preflight: a form's POST with nothing in it, a fetch in no-cors
     * mode without a body. Each failed the group over (202): the control API takes no token, and only a body's media
     * type was checked. Now each is a 403 that changes nothing, whatever its method.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Origin: https://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n",
        "Origin: null\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n",
        "Origin: http://127.0.0.1.evil.example\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\n",
        "Sec-Fetch-Site: same-site\r\n"})
    void aBrowsersCrossOriginRequestIsForbiddenWhateverItsBody(String browserHeaders) throws IOException {
        JsonNode before = TestServer.world();
        URI base = TestServer.server().baseUri();
        try (Socket socket = RawSockets.connect(base.getHost(), base.getPort())) {
            RawSockets.send(socket, "POST /_emulator/accounts/1234/ha/" + HA_1 + "/failover HTTP/1.1\r\nHost: "
                    + base.getAuthority() + "\r\nConnection: close\r\n" + browserHeaders + "\r\n");
            assertThat(RawSockets.readToTheEnd(socket)).startsWith("HTTP/1.1 403 ").contains("{\"error\":\"");
        }
        assertThat(TestServer.world()).as("nothing changed").isEqualTo(before);
        raw().header("Sec-Fetch-Site", "cross-site").get("/_emulator/state").then().statusCode(403); // documented
    }

    @Test
    void theServersOwnPagesAndClientsThatAreNoBrowserStillReachIt() {
        raw().header("Origin", TestServer.server().baseUri().toString().replaceAll("/$", ""))
                .header("Sec-Fetch-Site", "same-origin").get("/_emulator/clock").then().statusCode(200);
        raw().header("Sec-Fetch-Site", "none").get("/_emulator/clock").then().statusCode(200);
        raw().post("/_emulator/accounts/1234/ha/" + HA_1 + "/failover").then().statusCode(202);
    }

    /**
     * DNS rebinding: a page at a name its owner has just pointed at this machine is same-origin. Its POSTs carry an
     * Origin that agrees with the Host; its GETs carry no Origin, and over plain HTTP no Sec-Fetch-Site either. Such a
     * page read the world (200) and failed a group over (202); each is now a 403 that changes nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"rebound.example", "127.0.0.1.nip.io", "localhost.rebound.example", "ha-server"})
    void aNameNoOneElseCanPointHereIsTheOnlyNameItAnswersAt(String name) throws IOException {
        JsonNode before = TestServer.world();
        String authority = name + ":" + TestServer.server().baseUri().getPort();
        assertThat(statusOf("POST /_emulator/accounts/1234/ha/" + HA_1 + "/failover", authority, "Origin: http://"
                + authority + "\r\nContent-Length: 0\r\n")).isEqualTo(403);
        assertThat(statusOf("GET /_emulator/state", authority, "")).as("a same-origin GET: no Origin").isEqualTo(403);
        assertThat(statusOf("GET /_emulator/journal", authority, "Sec-Fetch-Site: same-origin\r\n")).isEqualTo(403);
        assertThat(TestServer.world()).as("nothing changed").isEqualTo(before);
        assertThat(statusOf("GET /v1.0/1234/ha", authority, "X-Auth-Token: " + TestServer.TOKEN + "\r\n"))
                .as("the HA API takes a token: any name").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "app.localhost", "localhost.", "127.0.0.1", "[::1]", "10.1.2.3"})
    void aLoopbackNameOrAnAddressStillReachesIt(String name) throws IOException {
        String authority = name + ":" + TestServer.server().baseUri().getPort();
        assertThat(statusOf("GET /_emulator/clock", authority, "Origin: http://" + authority
                + "\r\nSec-Fetch-Site: same-origin\r\n")).isEqualTo(200);
        assertThat(statusOf("GET /_emulator/clock", authority, "")).isEqualTo(200);
    }

    /** A name the server is given (its public URL's, here, written fully qualified) is its own. */
    @Test
    void theNameOfThePublicUrlReachesIt() throws IOException {
        try (ReferenceServer named = ReferenceServer.start(ServerConfig.defaults().withPort(0)
                .withPublicUrl("http://HA-Server.:8080"))) {
            URI base = named.baseUri();
            String authority = "ha-server:" + base.getPort();
            assertThat(statusOf(base, "GET /_emulator/clock", authority, "")).isEqualTo(200);
            assertThat(statusOf(base, "GET /_emulator/clock", authority, "Origin: http://" + authority
                    + "\r\nSec-Fetch-Site: same-origin\r\n")).isEqualTo(200);
            assertThat(statusOf(base, "GET /_emulator/clock", "rebound.example:" + base.getPort(), "")).isEqualTo(403);
        }
    }

    private static int statusOf(String requestLine, String host, String headers) throws IOException {
        return statusOf(TestServer.server().baseUri(), requestLine, host, headers);
    }

    /** The status of one request sent over a raw socket, with this Host (a client library sets its own). */
    private static int statusOf(URI server, String requestLine, String host, String headers) throws IOException {
        try (Socket socket = RawSockets.connect(server.getHost(), server.getPort())) {
            RawSockets.send(socket, requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                    + "\r\n");
            String answer = RawSockets.readToTheEnd(socket);
            assertThat(answer).startsWith("HTTP/1.1 ");
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    /**
     * A world loaded with its nextId behind the ids it holds (an older dump's, a hand-written file's): the next
     * create took the id of a group the world held and replaced it, and its members, without a word.
     */
    @Test
    void aWorldWhoseNextIdIsBehindItsIdsNeverGivesOutAHeldId() {
        TestServer.reset();
        String first = api().body(TestServer.newGroupBody("first").toString()).post(ha("")).then().statusCode(202)
                .extract().path("ha_instance.id");
        ObjectNode rewound = (ObjectNode) TestServer.world();
        int members = rewound.at("/accounts/0/instances").size();
        rewound.put("nextId", 1);
        raw().contentType(ContentType.JSON).body(rewound.toString()).put("/_emulator/state").then().statusCode(200);

        String second = api().body(TestServer.newGroupBody("second").toString()).post(ha("")).then().statusCode(202)
                .extract().path("ha_instance.id");

        assertThat(second).isNotEqualTo(first);
        assertThat(group(first).get("name").asText()).isEqualTo("first");
        assertThat(TestServer.world().at("/accounts/0/instances").size()).isEqualTo(2 * members);
    }

    @Test
    void aDumpLoadsBackIntoTheSameWorldWithItsChangesInProgress() {
        TestServer.action(HA_1, "{\"restart\": {}}").then().statusCode(202);
        String dump = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        TestServer.reset();
        TestServer.freeze();
        raw().contentType(ContentType.JSON).body(dump).put("/_emulator/state").then().statusCode(200);
        assertThat(raw().get("/_emulator/state").asString()).isEqualTo(dump);
        assertThat(state(HA_1)).isEqualTo("REBOOT");
        advance(1);
        assertThat(state(HA_1)).isEqualTo("ACTIVE");
    }

    @Test
    void aWorldThatNamesWhatItDoesNotHoldIsRefusedAndTheWorldLeftAsItWas() throws Exception {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        ObjectNode world = (ObjectNode) TestServer.JSON.readTree(before);
        ((ObjectNode) world.at("/accounts/0/haInstances/0"))
                .put("sourceId", "00000000-0000-0000-0000-000000000000");
        String answer = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state")
                .then().statusCode(400).extract().asString();
        assertThat(answer).contains("00000000-0000-0000-0000-000000000000").contains("is not in the file");
        assertThat(raw().get("/_emulator/state").asString()).isEqualTo(before);
        api(TestServer.TOKEN).get("/v1.0/1234/ha").then().statusCode(200);
    }

    /**
     * A world that gives a thing twice could be read two ways, and was loaded one way without a word: an account
     * given twice had its two entries merged, an id given twice kept its last entry, and an instance could be a
     * member of two groups (each group's changes then moved the other's member).
     */
    @Test
    void aWorldThatGivesAThingTwiceIsRefusedAndTheWorldLeftAsItWas() throws Exception {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        List<java.util.function.Consumer<ObjectNode>> twice = List.of(
                world -> world.withArray("accounts").addObject().put("id", "1234"),
                world -> world.withArray("/accounts/0/haInstances").add(world.at("/accounts/0/haInstances/1").deepCopy()),
                world -> world.withArray("/accounts/0/instances").add(world.at("/accounts/0/instances/0").deepCopy()),
                world -> world.withArray("/accounts/0/backups").add(world.at("/accounts/0/backups/0").deepCopy()),
                world -> world.withArray("/accounts/0/configurations")
                        .add(world.at("/accounts/0/configurations/0").deepCopy()),
                world -> ((ObjectNode) world.at("/accounts/0/haInstances/1"))
                        .put("sourceId", world.at("/accounts/0/haInstances/0/sourceId").asText()));
        for (java.util.function.Consumer<ObjectNode> change : twice) {
            ObjectNode world = (ObjectNode) TestServer.JSON.readTree(before);
            change.accept(world);
            String answer = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state")
                    .then().statusCode(400).extract().asString();
            assertThat(answer).contains("twice").contains("\"error\"");
            assertThat(raw().get("/_emulator/state").asString()).isEqualTo(before);
        }
    }

    /**
     * A world with values the server cannot act on: a change in progress of a kind it does not know, or without the
     * parameter its completion reads, failed (500) once the clock reached it, on the load's own answer or on a later
     * request, and the world kept it; an instance's unknown flavor made every show of it a 500; an unknown backup
     * status and a date that is none were refused in Java's words (class names, Jackson's); a backup without its
     * created date or source failed every list or show of it, and a rate without its method or path every request
     * of its account (500s); sizes under 1 were shown as they were. Each is now a 400 in a client's terms, and the
     * world is left as it was.
     */
    @Test
    void aWorldTheServerCannotActOnIsRefusedInAClientsTerms() throws Exception {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        String past = "2020-01-01T00:00:00Z";
        List<java.util.function.Consumer<ObjectNode>> breaks = List.of(
                world -> pending(world, "haInstances").put("kind", "NO-SUCH-KIND").put("dueAt", past),
                world -> pending(world, "haInstances").put("kind", "NO-SUCH-KIND").put("dueAt", "2999-01-01T00:00:00Z"),
                world -> pending(world, "haInstances").put("kind", "RESIZE_VOLUME").put("dueAt", past),
                world -> pending(world, "haInstances").put("kind", "BACKUP").put("dueAt", past),
                world -> pending(world, "backups").put("kind", "NO-SUCH-STEP").put("dueAt", past),
                world -> ((ObjectNode) world.at("/accounts/0/instances/0")).put("flavorId", "no-such-flavor"),
                world -> ((ObjectNode) world.at("/accounts/0/backups/0")).put("status", "NO-SUCH-STATUS"),
                world -> ((ObjectNode) world.at("/accounts/0/backups/0")).put("created", "not-a-date"),
                world -> ((ObjectNode) world.at("/accounts/0/backups/0")).remove("created"),
                world -> ((ObjectNode) world.at("/accounts/0/backups/0")).remove("sourceId"),
                world -> ((ObjectNode) world.at("/accounts/0/backups/0")).put("size", -1),
                world -> ((ObjectNode) world.at("/accounts/0/backups/0")).put("flavorRam", 0),
                world -> ((ObjectNode) world.at("/accounts/0/haInstances/0")).put("volume", -5),
                world -> ((ObjectNode) world.at("/accounts/0/instances/0")).put("volume", 0),
                world -> rate(world).remove("method"),
                world -> rate(world).put("method", "FETCH"),
                world -> rate(world).remove("pathPattern"),
                world -> rate(world).put("pathPattern", "backups"),
                world -> rate(world).put("perMinute", 0));
        for (java.util.function.Consumer<ObjectNode> change : breaks) {
            ObjectNode world = (ObjectNode) TestServer.JSON.readTree(before);
            change.accept(world);
            String answer = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state")
                    .then().statusCode(400).extract().path("error");
            assertThat(answer).startsWith("Not a world: ").doesNotContain("io.hakit").doesNotContain("java.")
                    .doesNotContain("`").doesNotContain("enum");
            assertThat(raw().get("/_emulator/state").asString()).isEqualTo(before);
        }
        advance(100_000);
        api().get(ha("")).then().statusCode(200);
    }

    /**
     * A world with values its answers would show outside the HA document: each was loaded (200) and then shown, in
     * every answer that showed it, as the document does not allow (a group named "", an ACL "nosuch", a volume of
     * 1,234 GB, a backup's source type "nosuch", its date in the year 33658, a member that names no group: found by
     * loading a dump with one value changed at a time and validating every show of it). Each is now a 400 that names
     * the thing, the field and the document's schema for it, and the world is left as it was.
     */
    @Test
    void aWorldWhoseAnswersWouldBreakTheDocumentIsRefused() throws Exception {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        String group = "/accounts/0/haInstances/0";
        String instance = "/accounts/0/instances/0";
        String backup = "/accounts/0/backups/0";
        String configuration = "/accounts/0/configurations/0";
        Map<String, java.util.function.Consumer<ObjectNode>> breaks = new java.util.LinkedHashMap<>();
        breaks.put("group \\S+'s name, held to the HA document's /components/schemas/HaName",
                world -> at(world, group).put("name", ""));
        breaks.put("group \\S+'s name, .*256 characters long", world -> at(world, group).put("name", "x".repeat(256)));
        breaks.put("group \\S+'s name, .*is null", world -> at(world, group).putNull("name"));
        breaks.put("group \\S+'s acls, .*\"10.0.0.1\" does not have the form",
                world -> at(world, group).putArray("acls").add("10.0.0.1"));
        breaks.put("group \\S+'s ACLs, .*it has 101 items; the document allows at most 100", world -> {
            var acls = at(world, group).putArray("acls");
            for (int i = 0; i < 101; i++) {
                acls.add("10.0." + i + ".0/24");
            }
        });
        breaks.put("group \\S+'s replicas, .*it has 3 items; the document allows at most 2", world -> {
            for (int i = 0; i < 2; i++) {
                ObjectNode member = memberOf(world, group).deepCopy().put("id", "extra-" + i);
                member.put("replicaOf", world.at(group + "/sourceId").asText());
                world.withArray("/accounts/0/instances").add(member);
                world.withArray(group + "/replicaIds").add("extra-" + i);
            }
        });
        breaks.put("backup \\S+'s created and updated dates, .*\"-0005-", // shown as 0006 once, the year of its era
                world -> at(world, backup).put("created", "-0005-01-01T00:00:00Z"));
        breaks.put("backup \\S+'s created and updated dates, .*\"\\+1000000000-", // a 500 once: no date format takes it
                world -> at(world, backup).put("created", "+1000000000-01-01T00:00:00Z"));
        breaks.put("group \\S+'s volume, .*it is 1234; the document allows at most 300",
                world -> at(world, group).put("volume", 1234));
        breaks.put("group \\S+'s datastore's version", world -> at(world, group).with("datastore").putNull("version"));
        breaks.put("group \\S+'s endpoints' networks", world -> at(world, group).with("endpoints").put("lan", "x"));
        breaks.put("group \\S+'s id, held to the HA document's /components/parameters/haId/schema",
                world -> renameGroup(world, "x".repeat(65)));
        breaks.put("account \\S+'s id", world -> at(world, "/accounts/0").put("id", "x".repeat(65)));
        breaks.put("instance \\S+'s status", world -> at(world, instance).put("status", ""));
        breaks.put("instance \\S+'s name", world -> at(world, instance).putNull("name"));
        breaks.put("instance \\S+'s volume", world -> at(world, instance).put("volume", 301));
        breaks.put("instance \\S+ names no group as its group, but group \\S+ has it as a member",
                world -> memberOf(world, group).remove("haId"));
        breaks.put("backup \\S+'s sourceType, .*not one of the documented values: ha, instance",
                world -> at(world, backup).put("sourceType", "nosuch"));
        breaks.put("backup \\S+'s created and updated dates, .*\"\\+33658-",
                world -> at(world, backup).put("created", "+33658-09-27T01:46:40Z"));
        breaks.put("backup \\S+'s name", world -> at(world, backup).putNull("name"));
        breaks.put("configuration \\S+'s name", world -> at(world, configuration).putNull("name"));
        breaks.put("configuration \\S+'s datastore's version",
                world -> at(world, configuration).with("datastore").putNull("version"));
        breaks.forEach((expected, change) -> {
            ObjectNode world = readTree(before);
            change.accept(world);
            String answer = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state")
                    .then().statusCode(400).extract().path("error");
            assertThat(answer).startsWith("Not a world: account ").containsPattern(expected)
                    .doesNotContain("io.hakit").doesNotContain("java.").doesNotContain("x".repeat(65));
            assertThat(raw().get("/_emulator/state").asString()).as(expected).isEqualTo(before);
        });
    }

    /**
     * An id the document allows but a URI cannot hold as it is ("s 1"): its links were written with the space, which
     * is no URI (Link.href); they are written escaped, and lead to it.
     */
    @Test
    void aLoadedIdWithASpaceIsLinkedEscaped() throws Exception {
        ObjectNode world = readTree(raw().get("/_emulator/state").then().statusCode(200).extract().asString());
        ObjectNode instance = world.withArray("/accounts/0/instances").addObject().put("id", "s 1").put("name", "s")
                .put("status", "ACTIVE").put("flavorId", "2").put("volume", 1);
        instance.putObject("datastore").put("type", "mysql").put("version", "5.7");
        raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state").then().statusCode(200);
        String self = api(TestServer.TOKEN).urlEncodingEnabled(false).get("/v1.0/1234/instances/s%201")
                .then().statusCode(200).extract().path("instance.links[0].href");
        assertThat(self).endsWith("/v1.0/1234/instances/s%201");
        assertThat(URI.create(self).getPath()).endsWith("/instances/s 1");
        api(TestServer.TOKEN).urlEncodingEnabled(false).get(URI.create(self).getRawPath()).then().statusCode(200);
    }

    /** A value outside the document in an account the load does not read (with ?account=) is not the load's concern. */
    @Test
    void aLoadOfOneAccountReadsOnlyThatAccountsValues() throws Exception {
        ObjectNode world = readTree(raw().get("/_emulator/state").then().statusCode(200).extract().asString());
        ObjectNode other = world.withArray("accounts").addObject().put("id", "5678");
        ObjectNode configuration = other.putArray("configurations").addObject().put("id", "c-1").putNull("name");
        configuration.putObject("datastore").put("type", "mysql").put("version", "5.7");
        raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state?account=1234")
                .then().statusCode(200);
        String refused = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state?account=5678")
                .then().statusCode(400).extract().path("error");
        assertThat(refused).contains("configuration c-1's name");
    }

    private static ObjectNode readTree(String json) {
        try {
            return (ObjectNode) TestServer.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode at(ObjectNode world, String pointer) {
        return (ObjectNode) world.at(pointer);
    }

    /** The instance that is the source of the group at {@code group}. */
    private static ObjectNode memberOf(ObjectNode world, String group) {
        String source = world.at(group + "/sourceId").asText();
        for (JsonNode instance : world.at("/accounts/0/instances")) {
            if (instance.path("id").asText().equals(source)) {
                return (ObjectNode) instance;
            }
        }
        throw new AssertionError("the documented world's group has its source in the file");
    }

    /** Gives the first group a new id, and everything that names it that id. */
    private static void renameGroup(ObjectNode world, String id) {
        String old = world.at("/accounts/0/haInstances/0/id").asText();
        at(world, "/accounts/0/haInstances/0").put("id", id);
        for (String kind : List.of("instances", "backups")) {
            for (JsonNode thing : world.at("/accounts/0/" + kind)) {
                thing.fields().forEachRemaining(field -> {
                    if (field.getValue().asText().equals(old)) {
                        ((ObjectNode) thing).put(field.getKey(), id);
                    }
                });
            }
        }
    }

    /** A valid rate limit in the world's first account, for a test to break. */
    private static ObjectNode rate(ObjectNode world) {
        return ((ObjectNode) world.at("/accounts/0")).putObject("limits").putArray("rates").addObject()
                .put("method", "GET").put("pathPattern", "/ha").put("perMinute", 5);
    }

    private static ObjectNode pending(ObjectNode world, String kind) {
        return ((ObjectNode) world.at("/accounts/0/" + kind + "/0")).putObject("pending");
    }

    /**
     * A world refused part way leaves the world as it was: a group missing its datastore or with an unknown state had
     * answered 400 with the groups before it loaded and the rest gone; a null ACL or endpoint address had loaded, and
     * every show and dump of its group answered 500.
     */
    @Test
    void aWorldRefusedPartWayLeavesTheWorldAsItWas() throws Exception {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        List<java.util.function.Consumer<ObjectNode>> breaks = List.of(
                group -> group.remove("datastore"),
                group -> group.put("state", "NO-SUCH-STATE"),
                group -> group.putArray("acls").addNull(),
                group -> group.putObject("endpoints").putNull("servicenet"),
                group -> group.putNull("id"));
        for (var breakIt : breaks) {
            ObjectNode world = (ObjectNode) TestServer.JSON.readTree(before);
            JsonNode groups = world.at("/accounts/0/haInstances");
            breakIt.accept((ObjectNode) groups.get(groups.size() - 1)); // the last: the others load before it
            String answer = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state")
                    .then().statusCode(400).extract().asString();
            assertThat(answer).startsWith("{").contains("Not a world").doesNotContain("io.hakit");
            assertThat(raw().get("/_emulator/state").asString()).as(answer).isEqualTo(before);
            api(TestServer.TOKEN).get("/v1.0/1234/ha/" + HA_1).then().statusCode(200);
        }
    }

    /** An account id is 1 to 64 characters here as in the HA document: an empty one reset nothing and answered 200. */
    @Test
    void anAccountIdOutsideTheDocumentsBoundsIsRefused() {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        for (String account : new String[] {"", "x".repeat(65)}) {
            String reset = "{\"scenario\": \"documented\", \"account\": \"" + account + "\"}";
            raw().contentType(ContentType.JSON).body(reset).post("/_emulator/reset").then().statusCode(400);
            raw().get("/_emulator/state?account=" + account).then().statusCode(400);
        }
        raw().get("/_emulator/accounts/" + "x".repeat(65) + "/limits").then().statusCode(400);
        assertThat(raw().get("/_emulator/state").asString()).isEqualTo(before);
    }

    /** No value of the document is that long; parsed whole, a world of megabytes in one string ran the heap out. */
    @Test
    void aWorldWithAStringLongerThan64KIsRefused() throws Exception {
        String before = raw().get("/_emulator/state").then().statusCode(200).extract().asString();
        ObjectNode world = (ObjectNode) TestServer.JSON.readTree(before);
        ((ObjectNode) world.at("/accounts/0/haInstances/0"))
                .put("name", "n".repeat(64 * 1024 + 1));
        String answer = raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state")
                .then().statusCode(400).extract().asString();
        assertThat(answer).contains("a string of more than 65536 characters");
        assertThat(raw().get("/_emulator/state").asString()).isEqualTo(before);
    }

    @Test
    void aDumpCanBeScopedToOneAccount() {
        api(TestServer.OTHER_TOKEN).body(TestServer.newGroupBody("theirs").toString()).post("/v1.0/5678/ha").then().statusCode(202);
        JsonNode onlyTheirs = TestServer.json(raw().queryParam("account", "5678").get("/_emulator/state"));
        assertThat(onlyTheirs.get("accounts")).hasSize(1);
        assertThat(onlyTheirs.at("/accounts/0/id").asText()).isEqualTo("5678");
    }

    /** A typo'd account was a 200 that dumped nothing or loaded nothing, where a reset for it is 404. */
    @Test
    void aDumpOrLoadForAnAccountNeitherKnownNorGivenIs404AndChangesNothing() {
        String before = raw().get("/_emulator/state").asString();
        JsonNode missing = TestServer.json(raw().queryParam("account", "nosuch").get("/_emulator/state")
                .then().statusCode(404).extract().response());
        assertThat(missing.get("error").asText()).contains("nosuch");
        raw().contentType(ContentType.JSON).queryParam("account", "nosuch").body(before).put("/_emulator/state")
                .then().statusCode(404);
        assertThat(raw().get("/_emulator/state").asString()).isEqualTo(before);

        // An account the file gives is loaded, known or not: that is how a new account's world is put in.
        raw().contentType(ContentType.JSON).queryParam("account", "4321").body("{\"accounts\": [{\"id\": \"4321\"}]}")
                .put("/_emulator/state").then().statusCode(200);
        raw().queryParam("account", "4321").get("/_emulator/state").then().statusCode(200);
    }

    @Test
    void theJournalShowsWhatWasSent() {
        raw().delete("/_emulator/journal").then().statusCode(204);
        TestServer.action(HA_1, "{\"resize_flavor\": \"3\"}").then().statusCode(202);
        api(null).get(ha(""));
        JsonNode entries = TestServer.json(raw().get("/_emulator/journal")).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.at("/0/operation").asText()).isEqualTo("resizeFlavor");
        assertThat(entries.at("/0/method").asText()).isEqualTo("POST");
        assertThat(entries.at("/0/path").asText()).isEqualTo(ha("/" + HA_1 + "/action"));
        assertThat(entries.at("/0/status").asInt()).isEqualTo(202);
        assertThat(entries.at("/1/status").asInt()).isEqualTo(401);
        assertThat(TestServer.json(raw().queryParam("account", "5678").get("/_emulator/journal")).get("entries")).isEmpty();
    }

    /**
     * A refused request is journaled with the operation it names: a 400 for a bad ACL address came back with
     * {@code "operation": null}, so a test that looks for its client's addHaAcl in the journal did not find it.
     */
    @Test
    void theJournalNamesTheOperationOfARefusedRequest() {
        raw().delete("/_emulator/journal").then().statusCode(204);
        api().body("{\"address\": \"1.2.3.4/33\"}").post(ha("/" + HA_1 + "/acls")).then().statusCode(400);
        TestServer.action(HA_1, "{\"restart\": {\"now\": true}}").then().statusCode(400);
        TestServer.action(HA_1, "{\"restart\": {}, \"resize_flavor\": \"3\"}").then().statusCode(400);
        api().body("{\"ha_instance\": {\"configuration\": \"\", \"x\": 1}}").patch(ha("/" + HA_1)).then().statusCode(400);
        api().body("{\"ha_instance\": {}}").patch(ha("/" + HA_1)).then().statusCode(400);
        JsonNode entries = TestServer.json(raw().get("/_emulator/journal")).get("entries");
        assertThat(entries).hasSize(5);
        assertThat(entries.at("/0/operation").asText()).isEqualTo("addHaAcl");
        assertThat(entries.at("/0/status").asInt()).isEqualTo(400);
        assertThat(entries.at("/1/operation").asText()).isEqualTo("restartHaInstance");
        assertThat(entries.at("/2/operation").isNull()).as("two actions name none").isTrue();
        assertThat(entries.at("/3/operation").asText()).isEqualTo("detachConfiguration");
        assertThat(entries.at("/4/operation").isNull()).as("neither attach nor detach").isTrue();
    }

    /**
     * An unknown operation in a fault is named in quotes and cut short: {"operation": ""} was told
     * " is not a named operation of the HA document.", and a 60,000-character name came back whole.
     */
    @Test
    void anUnknownFaultOperationIsQuotedAndBounded() {
        String empty = raw().contentType(ContentType.JSON).body("{\"operation\": \"\", \"status\": 500}")
                .post("/_emulator/faults").then().statusCode(400).extract().path("error");
        String huge = raw().contentType(ContentType.JSON)
                .body("{\"operation\": \"" + "x".repeat(60_000) + "\", \"status\": 500}")
                .post("/_emulator/faults").then().statusCode(400).extract().path("error");

        assertThat(empty).startsWith("The operation '' is not a named operation");
        assertThat(huge).hasSizeLessThan(300).contains("'" + "x".repeat(63) + "…'");
    }

    /** K37: every node of a group counts as an instance, and every node's volume growth toward the volume limit. */
    @Test
    void absoluteLimitsAnswerOverLimit() {
        raw().contentType(ContentType.JSON).body(Map.of("maxInstances", 16)).put("/_emulator/accounts/1234/limits")
                .then().statusCode(200);
        api().body(TestServer.newGroupBody("fits").toString()).post(ha("")).then().statusCode(202); // 14 + 2
        Refusals.assertRefused(413, () -> api().body(TestServer.newGroupBody("too-many").toString()).post(ha("")));
        raw().contentType(ContentType.JSON).body(Map.of("maxVolumeGb", 17)).put("/_emulator/accounts/1234/limits");
        Refusals.assertRefused(413, () -> TestServer.action(HA_1, "{\"resize_volumes\": {\"size\": 5}}"));
    }

    @Test
    void rateLimitsAnswerOverLimitWithRetryAfterUntilTheWindowMoves() {
        raw().contentType(ContentType.JSON).body(Map.of("rates", List.of(Map.of("method", "GET", "pathPattern", "/ha/*",
                "perMinute", 2)))).put("/_emulator/accounts/1234/limits").then().statusCode(200);
        api().get(ha("/" + HA_1)).then().statusCode(200);
        api().get(ha("")).then().statusCode(200); // another path: not counted
        api().get(ha("/" + HA_1)).then().statusCode(200);
        io.restassured.response.Response limited = api().get(ha("/" + HA_1));
        assertThat(limited.statusCode()).isEqualTo(413);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        advance(60);
        api().get(ha("/" + HA_1)).then().statusCode(200);
    }

    /** The control API is validated by its own document, bounds included; its errors are its Problem, never a Fault. */
    @Test
    void controlRequestsOutOfTheirDocumentsBoundsAreRefusedAndChangeNothing() {
        JsonNode before = TestServer.world();
        String now = raw().get("/_emulator/clock").then().extract().path("now");
        for (String body : List.of("{\"seconds\": 1e400}", "{\"seconds\": -1}", "{\"seconds\": 31536001}",
                "{\"seconds\": \"ten\"}", "{}", "{\"seconds\": 1, \"extra\": true}", "{not json")) {
            assertProblem(400, raw().contentType(ContentType.JSON).body(body).post("/_emulator/clock/advance"), body);
        }
        for (String body : List.of("{\"seconds\": {\"build\": -1}}", "{\"seconds\": {\"build\": 1e300}}",
                "{\"profile\": \"instant\"}")) {
            assertProblem(400, raw().contentType(ContentType.JSON).body(body).put("/_emulator/durations"), body);
        }
        for (String body : List.of("{\"maxInstances\": -1}", "{\"maxVolumeGb\": -5}",
                "{\"rates\": [{\"method\": \"GET\", \"pathPattern\": \"/backups\", \"perMinute\": 0}]}",
                "{\"rates\": [{\"method\": \"BREW\", \"pathPattern\": \"/backups\", \"perMinute\": 1}]}",
                "{\"rates\": [{\"method\": \"GET\", \"pathPattern\": \"backups\", \"perMinute\": 1}]}")) {
            assertProblem(400, raw().contentType(ContentType.JSON).body(body).put("/_emulator/accounts/1234/limits"), body);
        }
        assertProblem(400, raw().contentType(ContentType.JSON).body("{\"operation\": \"restartHaInstance\", \"count\": 0}")
                .post("/_emulator/faults"), "count 0");
        assertThat(raw().get("/_emulator/clock").then().extract().<String>path("now")).isEqualTo(now);
        assertThat(TestServer.world()).isEqualTo(before);
    }

    @Test
    void limitsOfAnAccountNoTokenNamesAreNotFound() {
        assertProblem(404, raw().get("/_emulator/accounts/9999/limits"), "read");
        assertProblem(404, raw().contentType(ContentType.JSON).body("{\"maxInstances\": 3}")
                .put("/_emulator/accounts/9999/limits"), "set");
        raw().get("/_emulator/accounts/5678/limits").then().statusCode(200);
        assertThat(TestServer.world().get("accounts").findValuesAsText("id")).doesNotContain("9999");
    }

    @Test
    void controlPathsAreAnsweredByTheControlApiWhateverTheirSegmentsSpell() {
        // Account ids and methods that the API's own templates would also match (/{version}/{accountId}/ha/{haId},
        // /{version}/{accountId}/backups/{backupId}): the control API still answers, never the API's routes.
        assertProblem(404, raw().get("/_emulator/accounts/ha/limits"), "limits of an account called ha");
        for (String account : List.of("ha", "backups")) {
            io.restassured.response.Response wrongMethod = raw().delete("/_emulator/accounts/" + account + "/limits");
            assertProblem(405, wrongMethod, "DELETE on the limits of an account called " + account);
            assertThat(wrongMethod.header("Allow")).isEqualTo("GET,PUT");
        }
        assertProblem(404, raw().get("/_emulator/x/ha"), "an unknown control path ending in ha");
        assertProblem(404, raw().get("/_emulator"), "the control API's bare prefix");
    }

    @Test
    void aConfigurationGroupAddedToAnEmptyAccountAttachesAndDetaches() {
        TestServer.reset();
        JsonNode added = TestServer.json(raw().contentType(ContentType.JSON).body(Map.of("name", "connections",
                "datastore", Map.of("type", "mysql", "version", "5.7"), "values", Map.of("max_connections", 200)))
                .post("/_emulator/accounts/1234/configurations").then().statusCode(201).extract().response());
        String configuration = added.get("id").asText();
        assertThat(added.at("/values/max_connections").asInt()).isEqualTo(200);
        api().get("/v1.0/1234/configurations/" + configuration).then().statusCode(200);
        String id = TestServer.activeGroup("with-configuration");
        api().body("{\"ha_instance\": {\"configuration\": \"" + configuration + "\"}}").patch(ha("/" + id)).then().statusCode(202);
        assertThat(TestServer.group(id).at("/configuration/id").asText()).isEqualTo(configuration);
        assertThat(TestServer.state(id)).as("a dynamic parameter needs no restart").isEqualTo("ACTIVE");
        api().body("{\"ha_instance\": {\"configuration\": \"\"}}").patch(ha("/" + id)).then().statusCode(202);
        assertThat(TestServer.group(id).path("configuration").isNull()).as("detached").isTrue();
    }

    @Test
    void aReplicationSetupAddedToAnEmptyAccountConvertsToHa() {
        TestServer.reset();
        JsonNode added = TestServer.json(raw().contentType(ContentType.JSON).body(Map.of("name", "orders",
                "datastore", Map.of("type", "mysql", "version", "5.7"), "replicas", 2))
                .post("/_emulator/accounts/1234/replication-setups").then().statusCode(201).extract().response());
        assertThat(added.get("replicaIds")).hasSize(2);
        String replica = added.at("/replicaIds/1").asText();
        api().get("/v1.0/1234/instances/" + added.get("sourceId").asText()).then().statusCode(200);
        String id = api().body("{\"convert_to_ha\": {\"name\": \"orders-ha\"}}")
                .post("/v1.0/1234/instances/" + replica + "/action").then().statusCode(202).extract().path("ha_instance.id");
        advance(60);
        assertThat(TestServer.state(id)).isEqualTo("ACTIVE");
        assertThat(TestServer.group(id).get("replicas")).hasSize(2);
    }

    @Test
    void setupsOfUnknownAccountsDatastoresAndFlavorsAreRefusedAndChangeNothing() {
        TestServer.reset();
        JsonNode before = TestServer.world();
        Map<String, Object> mysql = Map.of("type", "mysql", "version", "5.7");
        assertProblem(404, raw().contentType(ContentType.JSON).body(Map.of("name", "x", "datastore", mysql))
                .post("/_emulator/accounts/9999/configurations"), "unknown account");
        assertProblem(404, raw().contentType(ContentType.JSON).body(Map.of("name", "x", "datastore",
                Map.of("type", "mysql", "version", "4.0"))).post("/_emulator/accounts/1234/configurations"), "unknown version");
        assertProblem(400, raw().contentType(ContentType.JSON).body(Map.of("name", "x", "datastore", mysql,
                "values", Map.of("a", List.of(1)))).post("/_emulator/accounts/1234/configurations"), "a list value");
        assertProblem(400, raw().contentType(ContentType.JSON).body(Map.of("name", "x", "datastore", mysql,
                "flavorRef", "1")).post("/_emulator/accounts/1234/replication-setups"), "a 512 MB flavor");
        assertProblem(400, raw().contentType(ContentType.JSON).body(Map.of("name", "x", "datastore", mysql,
                "replicas", 3)).post("/_emulator/accounts/1234/replication-setups"), "three replicas");
        assertThat(TestServer.world()).isEqualTo(before);
    }

    @Test
    void strictAclEncodingTakesOnlyTheDocumentedSpellingUntilAWholeReset() {
        TestServer.resetDocumented("deleteHaAcl");
        assertThat(raw().get("/_emulator/acl-encoding").then().statusCode(200).extract().<String>path("mode")).isEqualTo("lenient");
        raw().contentType(ContentType.JSON).body(Map.of("mode", "strict")).put("/_emulator/acl-encoding").then().statusCode(200);
        for (String spelling : List.of("1.2.3.4%2F32", "1.2.3.4%252F32", "1.2.3.4%2525252F32")) {
            Refusals.assertRefused(400, () -> api().delete(ha("/" + HA_1 + "/acls/" + spelling)));
        }
        api().delete(ha("/" + HA_1 + "/acls/1.2.3.4%25252F32")).then().statusCode(202);
        TestServer.resetDocumented("deleteHaAcl");
        assertThat(raw().get("/_emulator/acl-encoding").then().extract().<String>path("mode")).isEqualTo("lenient");
        api().delete(ha("/" + HA_1 + "/acls/1.2.3.4%2F32")).then().statusCode(202);
    }

    private static void assertProblem(int status, io.restassured.response.Response response, String what) {
        assertThat(response.statusCode()).as("%s: %s", what, response.asString()).isEqualTo(status);
        JsonNode body = TestServer.json(response);
        assertThat(body.size()).as("%s: %s", what, body).isEqualTo(1);
        assertThat(body.path("error").isTextual()).as("%s: the control API's Problem, not a Fault: %s", what, body).isTrue();
    }
}
