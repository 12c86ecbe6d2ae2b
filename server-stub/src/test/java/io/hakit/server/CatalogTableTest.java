package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.action;
import static io.hakit.server.TestServer.api;
import static io.hakit.server.TestServer.ha;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document's x-catalog table, read as a client would read it, holds for the reference server: every version it
 * lists for new groups builds a group, every other known version is refused (422), every upgrade path it lists is
 * taken and every other pair of known versions is refused, and the flavor list is the table's.
 */
class CatalogTableTest {

    private static final JsonNode TABLE = TestServer.CONTRACT.document().path("x-catalog");

    @BeforeEach
    void emptyWorld() {
        TestServer.reset();
        TestServer.freeze(); // a group built earlier must not finish during a refusal that compares the world
    }

    @Test
    void newGroupsTakeExactlyTheVersionsTheTableLists() {
        Set<String> allowed = new HashSet<>();
        TABLE.path("newGroups").forEach(d -> allowed.add(key(d)));
        assertThat(allowed).as("the table lists versions for new groups").isNotEmpty();
        for (JsonNode datastore : known()) {
            ObjectNode body = body("catalog-" + datastore.path("type").asText(), datastore);
            if (allowed.contains(key(datastore))) {
                api().body(body.toString()).post(ha("")).then().statusCode(202);
            } else {
                assertRefused(422, () -> api().body(body.toString()).post(ha("")));
            }
        }
    }

    @Test
    void upgradesTakeExactlyThePathsTheTableLists() {
        Set<String> paths = new HashSet<>();
        TABLE.path("upgradePaths").forEach(p -> p.path("to").forEach(to -> paths.add(key(p.path("from")) + ">" + key(to))));
        assertThat(paths).isNotEmpty();
        for (JsonNode from : TABLE.path("newGroups")) {
            String id = TestServer.build(body("upgrade-from-" + key(from), from));
            for (JsonNode to : known()) {
                String upgrade = "{\"upgrade\": {\"datastore_type\": \"" + to.path("type").asText()
                        + "\", \"datastore_version\": \"" + to.path("version").asText() + "\"}}";
                if (paths.contains(key(from) + ">" + key(to))) {
                    action(id, upgrade).then().statusCode(202);
                    id = TestServer.build(body("upgrade-from-" + key(from), from)); // a refusal changes nothing; this did
                } else {
                    String group = id;
                    assertRefused(422, () -> action(group, upgrade));
                }
            }
        }
    }

    @Test
    void theFlavorListIsTheTables() {
        List<Integer> listed = api().get("/v1.0/1234/flavors?limit=100").then().statusCode(200).extract().path("flavors.id");
        List<Integer> table = new ArrayList<>();
        TABLE.path("flavors").forEach(f -> table.add(f.path("id").asInt()));
        assertThat(listed).containsExactlyElementsOf(table);
        int min = TABLE.path("haFlavorMinRam").asInt();
        for (JsonNode flavor : TABLE.path("flavors")) {
            ObjectNode body = body("flavor-" + flavor.path("id").asText(), TABLE.path("newGroups").get(0));
            ((ObjectNode) body.get("ha").get("replica_source").get(0)).put("flavorRef", flavor.path("id").asText());
            ((ObjectNode) body.get("ha").get("replicas").get(0)).put("flavorRef", flavor.path("id").asText());
            if (flavor.path("ram").asInt() >= min) {
                api().body(body.toString()).post(ha("")).then().statusCode(202);
            } else {
                assertRefused(422, () -> api().body(body.toString()).post(ha("")));
            }
        }
    }

    private static List<JsonNode> known() {
        List<JsonNode> known = new ArrayList<>();
        TABLE.path("datastores").forEach(d -> d.path("versions").forEach(v -> known.add(TestServer.JSON.createObjectNode()
                .put("type", d.path("type").asText()).put("version", v.asText()))));
        assertThat(known).as("the table lists known versions").hasSizeGreaterThan(5);
        return known;
    }

    private static ObjectNode body(String name, JsonNode datastore) {
        ObjectNode body = TestServer.newGroupBody(name);
        ((ObjectNode) body.get("ha")).putObject("datastore").put("type", datastore.path("type").asText())
                .put("version", datastore.path("version").asText());
        return body;
    }

    private static String key(JsonNode datastore) {
        return datastore.path("type").asText() + " " + datastore.path("version").asText();
    }
}
