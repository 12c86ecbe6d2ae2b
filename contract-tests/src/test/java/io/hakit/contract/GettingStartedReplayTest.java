package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.start.GettingStarted;
import io.hakit.openapi.start.GettingStartedRun;
import io.hakit.openapi.start.GettingStartedRun.StepOutcome;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import io.hakit.server.domain.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The document's getting-started sequence replays, step by step, against the reference server in the empty world
 * (the world of the README's command): every status, every value it names, every answer inside the document.
 */
class GettingStartedReplayTest {

    private static final GettingStarted SEQUENCE = GettingStarted.of(KitServers.CONTRACT);

    @Test
    void theSequenceReplaysInTheEmptyWorld() {
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withPort(0)
                .withDurations(Durations.Profile.IMMEDIATE))) {
            List<StepOutcome> outcomes = new GettingStartedRun(server.baseUri(), ContractValidators.strict(), 20, Duration.ZERO)
                    .run(SEQUENCE);
            assertThat(outcomes).as("every step ran").hasSize(SEQUENCE.steps().size());
            assertThat(outcomes.stream().flatMap(o -> o.problems().stream()
                    .map(problem -> o.step().name() + " (" + o.step().method() + " " + o.path() + "): " + problem)))
                    .as("what differs from the sequence").isEmpty();
        }
    }

    @Test
    void itNamesWhatAClientTeamNeedsFirst() {
        Set<String> operations = SEQUENCE.steps().stream().map(GettingStarted.Step::operation).collect(Collectors.toSet());
        assertThat(operations).contains("createHaInstance", "showHaInstance", "listHaInstances", "addHaAcl", "listHaAcls",
                "deleteHaAcl", "addReplica", "removeReplica", "resizeVolume", "resizeFlavor", "restartHaInstance",
                "createBackup", "showBackup", "listHaBackups", "upgradeHaInstance", "deleteBackup", "deleteHaInstance");
    }

    /** The replay can fail: with transitions that take minutes, the group is still building when the sequence waits. */
    @Test
    void aGroupThatNeverBecomesActiveStopsTheSequence() {
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withPort(0))) {
            List<StepOutcome> outcomes = new GettingStartedRun(server.baseUri(), ContractValidators.strict(), 3, Duration.ZERO)
                    .run(SEQUENCE);
            StepOutcome last = outcomes.get(outcomes.size() - 1);
            assertThat(last.step().name()).isEqualTo("gettingStartedWaitUntilActive");
            assertThat(last.problems()).anySatisfy(p -> assertThat(p).contains("not reached in 3 attempts"));
        }
    }
}
