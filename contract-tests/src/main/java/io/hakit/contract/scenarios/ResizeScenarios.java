package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Volumes only grow (1 to 300 GB); flavors move to another one of 1 GB or more. */
@Covers({"resizeVolume", "resizeFlavor"})
class ResizeScenarios extends Scenario {

    @Test
    void volumesGrowAndNeverShrink() {
        String id = activeGroup("volume");
        api.act(id, json("{\"resize_volumes\": {\"size\": 301}}")).expect(400);
        api.act(id, json("{\"resize_volumes\": {\"size\": 2}}")).expect(202);
        awaitState(id, "ACTIVE");
        assertThat(group(id).at("/volume/size").asInt()).isEqualTo(2);
        api.act(id, json("{\"resize_volumes\": {\"size\": 1}}")).expect(422);
    }

    @Test
    void flavorsChange() {
        String id = activeGroup("flavor");
        api.act(id, json("{\"resize_flavor\": \"no-such-flavor\"}")).expect(404, 400);
        api.act(id, json("{\"resize_flavor\": \"" + config.biggerFlavor() + "\"}")).expect(202);
        awaitState(id, "ACTIVE");
        assertThat(group(id).at("/flavor/id").asText()).isEqualTo(config.biggerFlavor());
    }
}
