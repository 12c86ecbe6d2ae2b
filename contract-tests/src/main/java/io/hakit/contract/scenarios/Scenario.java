package io.hakit.contract.scenarios;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.contract.GateConfig;
import io.hakit.contract.GroupBodies;
import io.hakit.contract.Target;
import io.hakit.contract.api.Answer;
import io.hakit.contract.api.HaApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every scenario shares: the target, request bodies built from the document's own examples and the gate's
 * inputs, waiting for states, and cleaning up every group a scenario made.
 */
@ExtendWith({SelectedOperations.class, ChargedWhereItFailed.class})
abstract class Scenario {

    static final ObjectMapper JSON = new ObjectMapper();

    /** States that end a transition: what a wait for "done" waits for. */
    private static final Set<String> SETTLED = Set.of("ACTIVE", "RESTART_REQUIRED", "ERROR", "FAILOVER_DISABLED");

    private final List<String> created = new ArrayList<>();

    final Target target = Target.current();
    final HaApi api = target.api();
    final GateConfig config = target.config();

    /** No scenario begins once the run has passed its --maxSeconds: it is reported as not run. */
    @BeforeEach
    void withinTheRunsBound() {
        boolean passed = target.bound().passed();
        if (passed) {
            target.conformance().scenarioNotRun(getClass().getSimpleName(), target.bound().why());
        }
        assumeTrue(!passed, target.bound().why() + ": not run");
    }

    /**
     * Goes on only if the gate's caller gave what the scenario needs; else the scenario is aborted and what it would
     * have shown is reported: the operations named as not exercised (so that --require-all fails), or, with none
     * named, the scenario as not run.
     */
    void assumeGiven(boolean given, String missing, String... operations) {
        if (!given) {
            String scenario = getClass().getSimpleName();
            if (operations.length == 0) {
                target.conformance().scenarioNotRun(scenario, missing);
            }
            for (String operation : operations) {
                target.conformance().behaviourNotShown(operation, scenario + ": " + missing);
            }
        }
        assumeTrue(given, missing + ": not exercised");
    }

    /** The documented create request, on the gate's flavor and datastore, with a name of this run. */
    ObjectNode newGroupBody(String purpose) {
        return GroupBodies.create(target, purpose);
    }

    ObjectNode documentedBody(String exchange) {
        return (ObjectNode) target.contract().documentedExchange(exchange).requestBody().orElseThrow().deepCopy();
    }

    /** Creates a group, checks the documented answer, and waits until it is ACTIVE. */
    String activeGroup(String purpose) {
        Answer created = createGroup(newGroupBody(purpose));
        String id = created.text("/ha_instance/id");
        awaitState(id, "ACTIVE", created);
        return id;
    }

    String createGroup(String purpose) {
        return createGroup(newGroupBody(purpose)).text("/ha_instance/id");
    }

    /** Creates a group from this body, checks the documented answer, and has it deleted after the scenario. */
    Answer createGroup(ObjectNode body) {
        Answer answer = api.createGroup(body).expect(202).expectField("/ha_instance/state", "BUILD");
        String id = answer.text("/ha_instance/id");
        created.add(id);
        target.cleanup().group(id);
        return answer;
    }

    /**
     * The group an answer shows is the one the create request asked for: its name, its datastore (the type in any
     * case: the document's own example asks for MYSQL and shows mysql) and its volume. Charged to the answer's
     * operation: every field is of its documented type whatever its value, so the schema alone passes another group.
     */
    static void asRequested(Answer answer, ObjectNode body) {
        JsonNode group = answer.at("/ha_instance");
        JsonNode asked = body.get("ha");
        List<String> differences = new ArrayList<>();
        if (!asked.path("name").asText().equals(group.path("name").asText(null))) {
            differences.add("name " + group.path("name") + ", asked " + asked.path("name"));
        }
        if (!asked.at("/datastore/type").asText().equalsIgnoreCase(group.at("/datastore/type").asText(""))
                || !asked.at("/datastore/version").asText().equals(group.at("/datastore/version").asText(null))) {
            differences.add("datastore " + group.path("datastore") + ", asked " + asked.path("datastore"));
        }
        JsonNode volume = group.at("/volume/size");
        if (!volume.isMissingNode() && volume.asInt() != asked.at("/replica_source/0/volume/size").asInt()) {
            differences.add("volume size " + volume + ", asked " + asked.at("/replica_source/0/volume/size"));
        }
        if (!differences.isEmpty()) {
            throw answer.violation("documented_behaviour", answer.request() + " shows a group other than the one created: "
                    + String.join("; ", differences));
        }
    }

    JsonNode group(String id) {
        return api.showGroup(id).expect(200).at("/ha_instance");
    }

    String state(String id) {
        return group(id).path("state").asText();
    }

    void awaitState(String id, String state) {
        target.waiter().until("HA instance " + id + " to be " + state, () -> state.equals(state(id)));
    }

    /** Waits for the state a change leads to; if it never comes, the change is charged ({@link #awaitAfter}). */
    void awaitState(String id, String state, Answer change) {
        awaitAfter(change, "HA instance " + id + " to be " + state, () -> state.equals(state(id)));
    }

    /**
     * Waits for what an accepted change leads to (a state, a group or backup gone, a backup completed). If it never
     * comes within --waitSeconds, the change is what failed: charged to its operation (a delete that leaves the group
     * DELETING for ever fails deleteHaInstance), not to the read that waited for it.
     */
    void awaitAfter(Answer change, String what, java.util.function.BooleanSupplier condition) {
        try {
            target.waiter().until(what, condition);
        } catch (io.hakit.contract.api.ContractViolation alreadyCharged) {
            throw alreadyCharged;
        } catch (AssertionError never) {
            throw change.violation("documented_behaviour", change.request() + " answered " + change.status()
                    + ", and what it starts never completed: " + never.getMessage());
        }
    }

    /**
     * Waits until the group is ACTIVE and shows what an accepted change does. A 202 is the change accepted, not done:
     * an implementation may leave ACTIVE a moment after it (the work queued), and waiting for ACTIVE alone read the
     * group as it was and failed a conforming implementation. A change that never shows is charged to it.
     */
    void awaitActiveWith(String id, Answer change, String what, java.util.function.Predicate<JsonNode> effect) {
        awaitAfter(change, "HA instance " + id + " to be ACTIVE with " + what, () -> {
            JsonNode group = group(id);
            return "ACTIVE".equals(group.path("state").asText()) && effect.test(group);
        });
    }

    /** Waits until the group is no longer in a transition. */
    String awaitSettled(String id) {
        String[] last = new String[1];
        target.waiter().until("HA instance " + id + " to settle", () -> SETTLED.contains(last[0] = state(id)));
        return last[0];
    }

    /**
     * The path and query of a link the target gave, as the gate's requests name them: below --baseUrl. Read at the
     * target's own root (a service behind a proxy names its public URL); a target under a path prefix
     * (http://host/prefix) names the prefix in its links, which the gate's requests add again.
     */
    String linkPath(java.net.URI link) {
        String path = link.getRawPath() == null ? "" : link.getRawPath();
        String prefix = config.baseUrl().getRawPath() == null ? "" : config.baseUrl().getRawPath().replaceAll("/+$", "");
        if (!prefix.isEmpty() && path.startsWith(prefix + "/")) {
            path = path.substring(prefix.length());
        }
        return path + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    /** The most pages {@link #allIds} follows: a list longer than this is not the gate's to read whole. */
    static final int MAX_PAGES = 1000;

    /**
     * Every id of a paginated list: pages are followed while a next link says more follow. A page that repeats an id
     * of an earlier one (a marker ignored), or links on from a page that holds nothing, fails documented_behaviour:
     * followed, such a list never ended, and neither did the gate.
     */
    static List<String> allIds(java.util.function.Function<String, Answer> page, String listName) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        String marker = null;
        for (int pages = 1; ; pages++) {
            Answer answer = page.apply(marker).expect(200);
            JsonNode body = answer.body();
            for (JsonNode item : body.path(listName)) {
                String id = item.get("id").asText();
                if (!seen.add(id)) {
                    throw answer.violation("documented_behaviour", answer.request() + " repeats " + id + ", listed on an"
                            + " earlier page: the page after marker " + marker + " holds what follows it");
                }
                ids.add(id);
            }
            if (body.path("links").isEmpty() || ids.isEmpty()) {
                return ids;
            }
            if (body.path(listName).isEmpty()) {
                throw answer.violation("documented_behaviour", answer.request() + " holds nothing and links to a next"
                        + " page: a next link is there only while more follow");
            }
            if (pages == MAX_PAGES) {
                throw answer.violation("documented_behaviour", "the list still links to a next page after " + MAX_PAGES
                        + " pages (" + ids.size() + " items): the gate stops following it");
            }
            marker = ids.get(ids.size() - 1);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every group this scenario made is deleted, once it can be; what cannot be is left to the final clean-up. */
    @AfterEach
    void deleteWhatWasCreated() {
        for (String id : created) {
            target.cleanup().delete(id, api, target.waiter());
        }
        created.clear();
    }
}
