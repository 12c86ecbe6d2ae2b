package io.hakit.contract.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.contract.api.Answer;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Lists are paginated (the groups, the account's backups, a group's backups): a page of one item, when more follow,
 * carries a {@code next} link, and following it gives the next item (Rackspace documents {@code limit} and {@code marker}; the kit, K7, the link).
 */
@Covers({"listHaInstances", "listBackups", "listHaBackups"})
class PaginationScenarios extends Scenario {

    @Test
    void aFullPageOfGroupsLinksToTheNext() {
        createGroup("page-a");
        createGroup("page-b");
        followsToTheNextPage("/ha", "ha_instances");
    }

    @Test
    void aFullPageOfBackupsLinksToTheNext() {
        String id = activeGroup("page-backups");
        for (int i = 0; i < 2; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode body = documentedBody("createBackup");
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.at("/backup/source")).put("id", id);
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("backup")).put("name", "gate-page-" + i);
            String backup = api.createBackup(body).expect(202).text("/backup/id");
            target.cleanup().backup(backup);
            target.waiter().until("backup " + backup + " to complete",
                    () -> "COMPLETED".equals(api.showBackup(backup).expect(200).text("/backup/status")));
            awaitState(id, "ACTIVE");
        }
        followsToTheNextPage("/backups", "backups");
        // A group's own backup list pages alike (limit, marker, a next link while more follow).
        followsToTheNextPage("/ha/" + id + "/backups", "backups");
    }

    private void followsToTheNextPage(String list, String items) {
        Answer first = api.follow(config.path(list + "?limit=1")).expect(200);
        if (first.at("/" + items).size() != 1) {
            throw first.violation("documented_behaviour", "a page of limit=1 held " + first.at("/" + items).size() + " items");
        }
        URI href = nextHref(first);
        if (href == null) {
            throw first.violation("documented_behaviour", "a full page of limit=1 with more after it has no next link: "
                    + first.body());
        }
        Answer second = api.follow(linkPath(href)).expect(200);
        String firstId = first.text("/" + items + "/0/id");
        for (JsonNode group : second.at("/" + items)) {
            if (group.path("id").asText().equals(firstId)) {
                throw second.violation("documented_behaviour", "the next page repeats " + firstId);
            }
        }
        if (second.at("/" + items).isEmpty()) {
            throw second.violation("documented_behaviour", "the next page is empty though more follow");
        }
        endsWithoutANextLink(list, items);
        target.conformance().passed(first.operation(), "ensure_resource_availability");
    }

    /**
     * Pages of 100 followed to the end (at most 100 of them): a next link is there only while more follow (K7), so
     * the last page has none, and no next link leads to an empty page. A list whose every page links to another
     * would send a client round for ever.
     */
    private void endsWithoutANextLink(String list, String items) {
        String path = config.path(list + "?limit=100");
        for (int page = 0; page < 100; page++) {
            Answer answer = api.follow(path).expect(200);
            URI next = nextHref(answer);
            if (answer.at("/" + items).isEmpty() && page > 0) {
                throw answer.violation("documented_behaviour", "a next link led to an empty page: the page before it "
                        + "was the last, and a next link is there only while more follow");
            }
            if (next == null) {
                return;
            }
            path = linkPath(next);
        }
    }

    private static URI nextHref(Answer page) {
        for (JsonNode link : page.at("/links")) {
            if ("next".equals(link.path("rel").asText())) {
                return URI.create(link.path("href").asText());
            }
        }
        return null;
    }
}
