package io.hakit.contract.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.contract.api.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every link a group's details carry resolves (Schemathesis' ensure_resource_availability): each href, read with
 * the gate's token at the target's own root (a service behind a proxy names its public URL), answers 200; and a link
 * in an object with an id (a flavor, {@code replica_of}, a replica of the source) leads to the resource of that id.
 */
@Covers({"showHaInstance", "createHaInstance"})
class LinksScenarios extends Scenario {

    @Test
    void everyLinkOfAGroupResolves() {
        String id = activeGroup("links");
        Answer shown = api.showGroup(id).expect(200);
        List<String[]> hrefs = new ArrayList<>();
        collect(shown.body(), hrefs);
        if (hrefs.isEmpty()) {
            throw shown.violation("ensure_resource_availability", "the group's details carry no link at all");
        }
        for (String[] each : hrefs) {
            String href = each[0];
            URI link = URI.create(href);
            String path = linkPath(link);
            Answer followed = api.follow(path);
            if (followed.status() != 200) {
                throw shown.violation("ensure_resource_availability", "the link " + href + " of " + shown.request()
                        + " answered " + followed.status() + " at " + path);
            }
            String owner = each[1];
            List<String> reached = reachedIds(followed);
            if (owner != null && !reached.contains(owner)) {
                throw shown.violation("ensure_resource_availability", "the link " + href + " of " + shown.request()
                        + ", in the object with id " + owner + ", leads to " + (reached.isEmpty() ? "no resource with an id"
                        : "the resource with id " + String.join(", ", reached)) + ": a link of an object names that object");
            }
            target.conformance().passed(shown.operation(), "ensure_resource_availability");
        }
    }

    /**
     * The ids of the resources an answer shows ({"flavor": {"id": 2, ...}} shows 2): its members that are objects with
     * an id. Response schemas are open, so other members may stand beside the one the document names.
     */
    private static List<String> reachedIds(Answer followed) {
        List<String> ids = new ArrayList<>();
        followed.body().elements().forEachRemaining(member -> {
            if (member.isObject() && member.path("id").isValueNode()) {
                ids.add(member.get("id").asText());
            }
        });
        return ids;
    }

    /**
     * Every href of the answer, with the id of the object whose links it is in (null when that object has no id):
     * {"id": "X", "links": [{"href": ...}]} gives (href, X).
     */
    private static void collect(JsonNode node, List<String[]> hrefs) {
        collect(node, null, hrefs);
    }

    private static void collect(JsonNode node, String owner, List<String[]> hrefs) {
        if (node.isObject()) {
            if (node.path("href").isTextual()) {
                hrefs.add(new String[] {node.get("href").asText(), owner});
            }
            String id = node.path("id").isValueNode() ? node.get("id").asText() : null;
            node.fields().forEachRemaining(field -> collect(field.getValue(), field.getKey().equals("links") ? id : null, hrefs));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, owner, hrefs));
        }
    }
}
