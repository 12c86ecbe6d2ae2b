package io.hakit.contract.scenarios;

import io.hakit.contract.api.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ACLs: refused while the group builds, listed with those it was created with, then added, listed and deleted through
 * the triple-encoded path.
 */
@Covers({"addHaAcl", "listHaAcls", "deleteHaAcl"})
class AclScenarios extends Scenario {

    @Test
    void aclsAreAddedListedAndDeleted() {
        String id = createGroup("acls");
        if ("BUILD".equals(state(id))) {
            api.addAcl(id, json("{\"address\": \"10.20.30.40/32\"}")).expect(422);
        }
        awaitState(id, "ACTIVE");
        List<String> created = new ArrayList<>();
        documentedBody("createHaInstance").at("/ha/acls").forEach(a -> created.add(a.path("address").asText()));
        Answer listed = api.listAcls(id).expect(200);
        List<String> listedAddresses = new ArrayList<>();
        listed.at("/acls").forEach(a -> listedAddresses.add(a.path("address").asText()));
        if (!listedAddresses.containsAll(created)) {
            throw listed.violation("documented_behaviour", listed.request() + " listed " + listedAddresses + " for a group"
                    + " created with the ACLs " + created + ": the list holds every ACL of the group");
        }
        Answer added = api.addAcl(id, json("{\"address\": \"10.20.30.40/32\"}")).expect(200);
        List<String> afterAdd = addresses(id);
        List<String> expectedAfterAdd = new ArrayList<>(listedAddresses);
        if (!expectedAfterAdd.contains("10.20.30.40/32")) {
            expectedAfterAdd.add("10.20.30.40/32");
        }
        if (!sorted(afterAdd).equals(sorted(expectedAfterAdd))) {
            // Charged to the add, not to the list that shows it: an add adds its address and keeps the others.
            throw added.violation("documented_behaviour", added.request() + " answered 200, and the group's ACLs went"
                    + " from " + listedAddresses + " to " + afterAdd + ": an add adds 10.20.30.40/32 to the ACLs the"
                    + " group has, and removes none");
        }
        api.addAcl(id, json("{\"address\": \"10.20.30.400/32\"}")).expect(400);

        List<String> before = addresses(id);
        Answer deleted = api.deleteAcl(id, "10.20.30.40%25252F32").expect(202);
        List<String> expected = new ArrayList<>(before);
        expected.remove("10.20.30.40/32");
        List<String> after = addresses(id);
        if (!sorted(after).equals(sorted(expected))) {
            // Charged to the delete, not to the list that shows it: the delete must remove that address, and only it.
            throw deleted.violation("documented_behaviour", deleted.request() + " answered 202, and the group's ACLs"
                    + " went from " + before + " to " + after + ": the delete removes 10.20.30.40/32 and only it");
        }
        api.deleteAcl(id, "10.20.30.40%25252F32").expect(404);
    }

    private static List<String> sorted(List<String> addresses) {
        return addresses.stream().sorted().toList();
    }

    private List<String> addresses(String id) {
        List<String> addresses = new ArrayList<>();
        api.listAcls(id).expect(200).at("/acls").forEach(a -> addresses.add(a.get("address").asText()));
        return addresses;
    }
}
