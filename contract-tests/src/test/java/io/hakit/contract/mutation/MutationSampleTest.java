package io.hakit.contract.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.KitServers;
import io.hakit.contract.mutation.Mutants.Mutant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A few mutants drawn at random from the whole set (the seed is printed; -Dmutation.seed=N repeats a draw): each
 * must be killed by the gate, unless docs/mutation.md lists it as a survivor with its reason. The whole set is
 * measured by bench/mutation.sh.
 */
class MutationSampleTest {

    private static final int SAMPLE = 4;

    @Test
    void sampledMutantsAreKilledOrKnownSurvivors() throws IOException {
        long seed = Long.getLong("mutation.seed", System.nanoTime());
        System.out.println("MutationSampleTest seed " + seed + " (repeat with -Dmutation.seed=" + seed + ")");
        List<Mutant> all = Mutants.derive(KitServers.CONTRACT);
        Set<String> survivors = MutationHarness.knownSurvivors(
                Path.of(System.getProperty("kit.root", "..")).resolve(MutationHarness.SURVIVORS_DOC));
        assertThat(all).as("mutants the document gives").hasSizeGreaterThan(500);
        for (Mutant mutant : MutationHarness.sample(all, SAMPLE, seed)) {
            MutationHarness.Outcome outcome = MutationHarness.run(mutant);
            System.out.printf("  %s: %s%n", mutant.id(), outcome.killed() ? "killed by " + outcome.killedBy() : "survived");
            if (!survivors.contains(mutant.id())) {
                assertThat(outcome.killed()).as("the gate kills %s (seed %d)", mutant.id(), seed).isTrue();
            }
        }
    }
}
