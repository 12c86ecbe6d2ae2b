package io.hakit.server;

import static io.hakit.server.TestServer.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every href the server emits answers 200: crawled from the lists of the documented world. */
class LinksResolveTest {

    @Test
    void everyHrefResolves() {
        TestServer.resetDocumented("showHaInstanceWithConfiguration");
        Deque<String> toVisit = new ArrayDeque<>(List.of("/", "/v1.0/1234/ha", "/v1.0/1234/backups",
                "/v1.0/1234/flavors", "/v1.0/1234/configurations"));
        for (JsonNode group : TestServer.json(api().get("/v1.0/1234/ha")).get("ha_instances")) {
            toVisit.add("/v1.0/1234/ha/" + group.get("id").asText());
        }
        Set<String> visited = new LinkedHashSet<>();
        Set<String> hrefs = new LinkedHashSet<>();
        while (!toVisit.isEmpty()) {
            String path = toVisit.pop();
            if (!visited.add(path)) {
                continue;
            }
            JsonNode body = TestServer.json(api().get(path).then().statusCode(200).extract().response());
            for (JsonNode href : body.findValues("href")) {
                hrefs.add(href.asText());
                assertThat(href.asText()).startsWith(TestServer.PUBLIC_URL);
                toVisit.add(href.asText().substring(TestServer.PUBLIC_URL.length()));
            }
        }
        assertThat(hrefs).anyMatch(h -> h.contains("/flavors/")).anyMatch(h -> h.contains("/configurations/"))
                .anyMatch(h -> h.contains("/instances/")).anyMatch(h -> h.endsWith("/v1.0"));
        assertThat(visited).hasSizeGreaterThan(20);
    }
}
