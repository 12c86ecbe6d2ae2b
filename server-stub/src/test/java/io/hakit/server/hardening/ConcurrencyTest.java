package io.hakit.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads at once: conflicting changes have exactly one winner (the others 422 or 413), concurrent additions
 * are all kept, lists agree with details, and no account ever reads another's groups.
 */
class ConcurrencyTest {

    private static final int THREADS = 32;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    private static final String HA_1 = "e7fdf90b-7140-4edb-b449-e093d55008fb";

    @BeforeEach
    void documentedWorldFrozenClock() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void conflictingActionsOnOneGroupHaveExactlyOneWinner() throws Exception {
        List<String> actions = List.of("{\"restart\": {}}", "{\"resize_volumes\": {\"size\": 9}}", "{\"resize_flavor\": \"4\"}",
                TestServer.documentedBody("addReplica").toString());
        List<Integer> statuses = all(THREADS, i -> send("POST", ha("/" + HA_1 + "/action"), TestServer.TOKEN,
                actions.get(i % actions.size())).statusCode());
        assertThat(statuses).containsOnly(202, 422);
        assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
        assertThat(TestServer.group(HA_1).get("state").asText()).isNotEqualTo("ACTIVE");
    }

    @Test
    void concurrentCreatesUnderALimitHaveExactlyOneWinner() throws Exception {
        TestServer.raw().contentType("application/json").body(Map.of("maxInstances", 16))
                .put("/_emulator/accounts/1234/limits").then().statusCode(200); // 14 held: room for one group of 2
        List<Integer> statuses = all(THREADS, i -> send("POST", ha(""), TestServer.TOKEN,
                TestServer.newGroupBody("race-" + i).toString()).statusCode());
        assertThat(statuses).containsOnly(202, 413);
        assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
    }

    @Test
    void concurrentAclAdditionsAreAllKept() throws Exception {
        List<Integer> statuses = all(THREADS, i -> send("POST", ha("/" + HA_1 + "/acls"), TestServer.TOKEN,
                "{\"address\": \"10.0." + i + ".1/32\"}").statusCode());
        assertThat(statuses).containsOnly(200);
        JsonNode acls = TestServer.json(TestServer.api().get(ha("/" + HA_1 + "/acls"))).get("acls");
        Set<String> addresses = new HashSet<>();
        acls.forEach(a -> addresses.add(a.get("address").asText()));
        for (int i = 0; i < THREADS; i++) {
            assertThat(addresses).contains("10.0." + i + ".1/32");
        }
    }

    @Test
    void mixedOperationsAcrossAccountsStayConsistentAndApart() throws Exception {
        List<String> created = new ArrayList<>(all(THREADS, i -> {
            boolean mine = i % 2 == 0;
            String account = mine ? "1234" : "5678";
            String token = mine ? TestServer.TOKEN : TestServer.OTHER_TOKEN;
            HttpResponse<String> response = send("POST", "/v1.0/" + account + "/ha", token,
                    TestServer.newGroupBody("mixed-" + i).toString());
            assertThat(response.statusCode()).isEqualTo(202);
            String id = TestServer.JSON.readTree(response.body()).at("/ha_instance/id").asText();
            // reads interleaved with the other threads' writes
            assertThat(send("GET", "/v1.0/" + account + "/ha/" + id, token, null).statusCode()).isEqualTo(200);
            String otherAccount = mine ? "5678" : "1234";
            String otherToken = mine ? TestServer.OTHER_TOKEN : TestServer.TOKEN;
            assertThat(send("GET", "/v1.0/" + otherAccount + "/ha/" + id, otherToken, null).statusCode()).isEqualTo(404);
            assertThat(send("GET", "/v1.0/" + account + "/ha/" + id, otherToken, null).statusCode()).isEqualTo(403);
            return account + " " + id;
        }));
        Set<String> mine = ids("1234", TestServer.TOKEN);
        Set<String> theirs = ids("5678", TestServer.OTHER_TOKEN);
        for (String entry : created) {
            String[] parts = entry.split(" ");
            assertThat(parts[0].equals("1234") ? mine : theirs).contains(parts[1]);
            assertThat(parts[0].equals("1234") ? theirs : mine).doesNotContain(parts[1]);
        }
        assertThat(theirs).hasSize(THREADS / 2);
        for (String id : theirs) {
            assertThat(send("GET", "/v1.0/5678/ha/" + id, TestServer.OTHER_TOKEN, null).statusCode()).isEqualTo(200);
        }
    }

    /** Every id of an account's groups, page by page. */
    private static Set<String> ids(String account, String token) throws Exception {
        Set<String> ids = new HashSet<>();
        String marker = null;
        while (true) {
            String path = "/v1.0/" + account + "/ha?limit=100" + (marker == null ? "" : "&marker=" + marker);
            JsonNode page = TestServer.JSON.readTree(send("GET", path, token, null).body());
            page.get("ha_instances").forEach(g -> ids.add(g.get("id").asText()));
            if (!page.has("links")) {
                return ids;
            }
            marker = page.at("/ha_instances").get(page.get("ha_instances").size() - 1).get("id").asText();
        }
    }

    /** Runs {@code task(0..n-1)} on n threads released at once, with a bound on the whole. */
    private static <T> List<T> all(int n, IndexedTask<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(POOL.submit((Callable<T>) () -> {
                start.await();
                return task.run(index);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @FunctionalInterface
    private interface IndexedTask<T> {
        T run(int index) throws Exception;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.server().baseUri() + path))
                .timeout(Duration.ofSeconds(30)).header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ha(String suffix) {
        return "/v1.0/1234/ha" + suffix;
    }
}
