package io.hakit.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body that creates a group on the target: the documented create request, on the gate's flavor and datastore,
 * without a configuration, named after the run's seed and the run's counter (so that a seed repeats its names).
 */
public final class GroupBodies {

    private GroupBodies() {}

    public static ObjectNode create(Target target, String purpose) {
        GateConfig config = target.config();
        ObjectNode body = (ObjectNode) target.contract().documentedExchange("createHaInstance").requestBody().orElseThrow()
                .deepCopy();
        ObjectNode ha = (ObjectNode) body.get("ha");
        ha.put("name", "gate-" + purpose + "-" + Long.toHexString(config.seed() & 0xffffff) + "-" + target.names().incrementAndGet());
        ha.putObject("datastore").put("type", config.datastoreType()).put("version", config.datastoreVersion());
        ha.remove("configuration");
        for (String role : List.of("replicas", "replica_source")) {
            ha.get(role).forEach(member -> ((ObjectNode) member).put("flavorRef", config.flavor()));
        }
        return body;
    }
}
