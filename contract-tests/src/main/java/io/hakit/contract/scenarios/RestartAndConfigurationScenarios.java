package io.hakit.contract.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.contract.api.Answer;
import io.hakit.contract.api.ContractViolation;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Restart, and attaching and detaching a configuration group (a restart clears RESTART_REQUIRED). */
@Covers({"restartHaInstance", "attachConfiguration", "detachConfiguration"})
class RestartAndConfigurationScenarios extends Scenario {

    /** The states that end a restart, and RESTART_REQUIRED is not one: a restart must clear it. */
    private static final Set<String> SETTLED_AFTER_RESTART = Set.of("ACTIVE", "ERROR", "FAILOVER_DISABLED");

    /**
     * A restart's one effect the document lets a client see: it clears RESTART_REQUIRED (the group goes to REBOOT and
     * back to ACTIVE). From ACTIVE, a restart that does nothing and one that completes at once look the same; so the
     * group is first put in RESTART_REQUIRED by attaching a configuration group with a non-dynamic parameter, and a
     * restart must then bring it back to ACTIVE. Without such a configuration group the restart is not exercised.
     */
    @Test
    void aRestartRebootsTheGroup() {
        String id = activeGroup("restart");
        api.act(id, json("{\"restart\": {}}")).expect(202);
        awaitState(id, "ACTIVE");
        if (api.sendsAnyJson()) {
            api.act(id, json("{\"reboot\": {}}")).expect(400);
        }
        Optional<String> configuration = configuration();
        assumeGiven(configuration.isPresent(), "no configuration group for " + config.datastoreType()
                + " given (--configurationId) or listed, and a restart's one documented effect a client can see is that"
                + " it clears RESTART_REQUIRED, which only attaching a configuration group with a non-dynamic parameter"
                + " brings", "restartHaInstance");
        api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"" + configuration.get() + "\"}}")).expect(202);
        String settled = awaitSettled(id);
        assumeGiven(settled.equals("RESTART_REQUIRED"), "attaching configuration group "
                + configuration.get() + " left the group " + settled + ", not RESTART_REQUIRED (it has no non-dynamic"
                + " parameter, such as innodb_buffer_pool_size): a restart from ACTIVE that does nothing cannot be told"
                + " from one that completes at once", "restartHaInstance");
        restartOutOfRestartRequired(id);
    }

    @Test
    void aConfigurationIsAttachedAndDetached() {
        Optional<String> configuration = configuration();
        assumeGiven(configuration.isPresent(), "no configuration group for " + config.datastoreType()
                + " (--configurationId)", "attachConfiguration", "detachConfiguration");
        String id = activeGroup("configuration");
        Answer attach = api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"" + configuration.get()
                + "\"}}")).expect(202);
        restartIfRequired(id);
        expectShownConfiguration(id, attach, configuration.get());
        Answer refused = api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"no-such-configuration\"}}"))
                .expect(404, 422);
        expectShownConfiguration(id, refused, configuration.get());
        Answer detach = api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"\"}}")).expect(202);
        restartIfRequired(id);
        expectShownConfiguration(id, detach, null);
        api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"\"}}")).expect(422);
    }

    /**
     * The group's {@code configuration} (required, null when none is attached) once the change has settled: the
     * attached group's id, or null after a detach. A 202 that changed nothing, or a refused attach that changed the
     * attached group, is charged to that change.
     */
    private void expectShownConfiguration(String id, Answer change, String expected) {
        JsonNode shown = group(id).path("configuration");
        String shownId = shown.isObject() ? shown.path("id").asText(null) : null;
        if (expected == null ? shown.isObject() : !expected.equals(shownId)) {
            throw change.violation("documented_behaviour", change.request() + " answered " + change.status()
                    + ", and the group then showed"
                    + " configuration " + shown + (expected == null ? ", not null: a detach leaves none attached"
                    : ", not " + expected + ": an attach shows the attached configuration group"));
        }
    }

    private void restartIfRequired(String id) {
        if (awaitSettled(id).equals("RESTART_REQUIRED")) {
            restartOutOfRestartRequired(id);
        }
    }

    /**
     * Restarts a group in RESTART_REQUIRED, which must then leave it and come back ACTIVE; if it does not, the
     * restart is what failed (charged to restartHaInstance, not to the last read of the group).
     */
    private void restartOutOfRestartRequired(String id) {
        Answer restart = api.act(id, json("{\"restart\": {}}")).expect(202);
        String[] last = {"RESTART_REQUIRED"};
        try {
            target.waiter().until("HA instance " + id + " to leave RESTART_REQUIRED after a restart",
                    () -> SETTLED_AFTER_RESTART.contains(last[0] = state(id)));
        } catch (ContractViolation alreadyCharged) {
            throw alreadyCharged;
        } catch (AssertionError stillThere) {
            throw restart.violation("documented_behaviour", restart.request() + " answered 202, but the group stayed "
                    + last[0] + " (" + stillThere.getMessage() + "): a restart clears RESTART_REQUIRED, the group going"
                    + " to REBOOT and back to ACTIVE");
        }
        if (!last[0].equals("ACTIVE")) {
            throw restart.violation("documented_behaviour", restart.request() + " answered 202, and the group then went"
                    + " to " + last[0] + ", not back to ACTIVE: a restart clears RESTART_REQUIRED");
        }
    }

    private Optional<String> configuration() {
        if (config.configurationId().isPresent()) {
            return config.configurationId();
        }
        for (JsonNode candidate : api.listConfigurations().expect(200).at("/configurations")) {
            if (candidate.path("datastore_name").asText().equalsIgnoreCase(config.datastoreType())) {
                return Optional.of(candidate.get("id").asText());
            }
        }
        return Optional.empty();
    }
}
