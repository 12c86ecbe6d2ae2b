package io.hakit.contract.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.contract.api.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every link a group's details carry resolves (Schemathesis' ensure_resource_availability): each href, read with
 * the gate's token at the target's own root (a service behind a proxy names its public URL), answers 200.
 */
@Covers({"showHaInstance", "createHaInstance"})
class LinksScenarios extends Scenario {

    @Test
    void everyLinkOfAGroupResolves() {
        String id = activeGroup("links");
        Answer shown = api.showGroup(id).expect(200);
        List<String> hrefs = new ArrayList<>();
        collect(shown.body(), hrefs);
        if (hrefs.isEmpty()) {
            throw shown.violation("ensure_resource_availability", "the group's details carry no link at all");
        }
        for (String href : hrefs) {
            URI link = URI.create(href);
            String path = linkPath(link);
            Answer followed = api.follow(path);
            if (followed.status() != 200) {
                throw shown.violation("ensure_resource_availability", "the link " + href + " of " + shown.request()
                        + " answered " + followed.status() + " at " + path);
            }
            target.conformance().passed(shown.operation(), "ensure_resource_availability");
        }
    }

    private static void collect(JsonNode node, List<String> hrefs) {
        if (node.isObject()) {
            if (node.path("href").isTextual()) {
                hrefs.add(node.get("href").asText());
            }
            node.elements().forEachRemaining(child -> collect(child, hrefs));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, hrefs));
        }
    }
}
