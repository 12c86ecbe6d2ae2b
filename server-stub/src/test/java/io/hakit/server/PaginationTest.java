package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.api;
import static io.hakit.server.TestServer.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists come in pages ordered by id: limit, marker, and a next link while more follow. */
class PaginationTest {

    private static final int GROUPS = 250;

    @BeforeEach
    void aWorldOf250Groups() {
        ObjectNode world = TestServer.JSON.createObjectNode();
        ArrayNode groups = world.putArray("accounts").addObject().put("id", "1234").putArray("haInstances");
        ArrayNode instances = (ArrayNode) world.at("/accounts/0").withArray("instances");
        for (int i = 0; i < GROUPS; i++) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            String member = String.format("11111111-0000-4000-8000-%012d", i);
            instances.addObject().put("id", member).put("name", "m" + i).put("flavorId", "2").put("volume", 1)
                    .put("haId", id).putObject("datastore").put("type", "mysql").put("version", "5.7");
            ObjectNode group = groups.addObject().put("id", id).put("name", "g" + i).put("state", "ACTIVE")
                    .put("flavorId", 2).put("volume", 1).put("sourceId", member);
            group.putObject("datastore").put("type", "mysql").put("version", "5.7");
            group.putArray("replicaIds");
        }
        raw().contentType(ContentType.JSON).body(world.toString()).put("/_emulator/state").then().statusCode(200);
    }

    @Test
    void pagesFollowNextLinksUntilTheLastOne() {
        List<String> seen = new ArrayList<>();
        String path = "/v1.0/1234/ha?limit=100";
        int pages = 0;
        while (path != null) {
            JsonNode page = TestServer.json(api().get(path).then().statusCode(200).extract().response());
            page.get("ha_instances").forEach(g -> seen.add(g.get("id").asText()));
            pages++;
            JsonNode next = page.at("/links/0/href");
            path = next.isMissingNode() ? null : next.asText().substring(TestServer.PUBLIC_URL.length());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(GROUPS).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void theDefaultPageIsTwentyAndAMarkerStartsAfterItself() {
        JsonNode first = TestServer.json(api().get("/v1.0/1234/ha"));
        assertThat(first.get("ha_instances")).hasSize(20);
        String last = first.at("/ha_instances/19/id").asText();
        assertThat(first.at("/links/0/rel").asText()).isEqualTo("next");
        assertThat(first.at("/links/0/href").asText()).endsWith("limit=20&marker=" + last);
        JsonNode second = TestServer.json(api().get("/v1.0/1234/ha?marker=" + last));
        assertThat(second.at("/ha_instances/0/id").asText()).isGreaterThan(last);
    }

    @Test
    void theLastPageHasNoNextLink() {
        JsonNode tail = TestServer.json(api().get("/v1.0/1234/ha?limit=100&marker=00000000-0000-4000-8000-000000000199"));
        assertThat(tail.get("ha_instances")).hasSize(50);
        assertThat(tail.has("links")).isFalse();
    }

    /** Flavor ids are numbers: 10 comes after 9, so a marker of 10 is past every flavor of the catalogue (1 to 9). */
    @Test
    void flavorsArePagedInTheOrderOfTheirNumbers() {
        JsonNode page = TestServer.json(api().get("/v1.0/1234/flavors?limit=3&marker=2"));
        assertThat(page.get("flavors").findValues("id").stream().map(JsonNode::asInt).toList()).containsExactly(3, 4, 5);
        assertThat(TestServer.json(api().get("/v1.0/1234/flavors?marker=10")).get("flavors")).isEmpty();
    }

    @Test
    void limitsOutsideOneTo100AreBadRequests() {
        assertRefused(400, () -> api().get("/v1.0/1234/ha?limit=0"));
        assertRefused(400, () -> api().get("/v1.0/1234/ha?limit=101"));
        assertRefused(400, () -> api().get("/v1.0/1234/ha?limit=ten"));
    }
}
