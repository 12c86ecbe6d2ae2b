package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.contract.api.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Volumes only grow (1 to 300 GB); flavors move to another one of 1 GB or more. */
@Covers({"resizeVolume", "resizeFlavor"})
class ResizeScenarios extends Scenario {

    @Test
    void volumesGrowAndNeverShrink() {
        String id = activeGroup("volume");
        api.act(id, json("{\"resize_volumes\": {\"size\": 301}}")).expect(400);
        Answer resized = api.act(id, json("{\"resize_volumes\": {\"size\": 2}}")).expect(202);
        awaitActiveWith(id, resized, "volume size 2", group -> group.at("/volume/size").asInt() == 2);
        everyMemberShows(id, resized, "/volume/size", "2");
        api.act(id, json("{\"resize_volumes\": {\"size\": 1}}")).expect(422);
    }

    @Test
    void flavorsChange() {
        String id = activeGroup("flavor");
        api.act(id, json("{\"resize_flavor\": \"no-such-flavor\"}")).expect(404, 400);
        Answer resized = api.act(id, json("{\"resize_flavor\": \"" + config.biggerFlavor() + "\"}")).expect(202);
        awaitActiveWith(id, resized, "a member on flavor " + config.biggerFlavor(), group -> onFlavor(group, config.biggerFlavor()));
        // The members' flavors, not the group's: the seed shows a group created with flavorRef 2 as flavor 9 and its
        // members as flavor 2 (discrepancy 9), so the document does not tie the group's flavor to the request.
        everyMemberShows(id, resized, "/flavor/id", config.biggerFlavor());
    }

    private static boolean onFlavor(JsonNode group, String flavor) {
        for (String members : List.of("replica_source", "replicas")) {
            for (JsonNode member : group.path(members)) {
                if (flavor.equals(member.at("/flavor/id").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A resize is of the group, every node of it: the document gives all members of a group the same flavor and
     * volume size. A resize that changed the group's figure and left a node (or all of them) as it was is charged to
     * the resize.
     */
    private void everyMemberShows(String id, Answer resize, String pointer, String expected) {
        JsonNode group = group(id);
        List<String> wrong = new ArrayList<>();
        for (String members : List.of("replica_source", "replicas")) {
            for (JsonNode member : group.path(members)) {
                if (!expected.equals(member.at(pointer).asText(null))) {
                    wrong.add(members + " member " + member.path("id").asText() + " shows " + pointer + " " + member.at(pointer));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw resize.violation("documented_behaviour", resize.request() + " answered 202, and once the group was"
                    + " ACTIVE again " + String.join("; ", wrong) + ", not " + expected + ": a resize is of every node"
                    + " of the group, which all have the same flavor and volume size");
        }
    }
}
