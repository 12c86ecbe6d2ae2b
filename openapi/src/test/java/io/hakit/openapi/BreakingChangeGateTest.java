package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Gate 4: the bundle stays compatible with the last released contract, openapi/baseline/ha-api.yaml. openapi-diff
 * judges requests and responses by their own rules: a newly required request field breaks clients, and so does a
 * removed response field. A deliberate break lands only with a new baseline in the same change.
 */
class BreakingChangeGateTest {

    static ChangedOpenApi compareWithBaseline(Path candidate) {
        return OpenApiCompare.fromLocations(KitPaths.BASELINE.toUri().toString(), candidate.toUri().toString());
    }

    @Test
    void theBundleIsCompatibleWithTheBaseline() {
        ChangedOpenApi diff = compareWithBaseline(KitPaths.BUNDLE);
        assertThat(diff.isIncompatible())
                .as("incompatible with openapi/baseline/ha-api.yaml: missing %s, changed %s",
                        diff.getMissingEndpoints(), diff.getChangedOperations())
                .isFalse();
    }

    @Test
    void aRemovedOperationIsIncompatible() {
        ChangedOpenApi diff = compareWithBaseline(BrokenDocuments.removedOperation());
        assertThat(diff.isIncompatible()).isTrue();
        assertThat(diff.getMissingEndpoints()).anySatisfy(e -> assertThat(e.getPathUrl()).endsWith("/acls/{address}"));
    }

    @Test
    void aNewlyRequiredRequestFieldIsIncompatible() {
        ChangedOpenApi diff = compareWithBaseline(BrokenDocuments.newRequiredRequestField());
        assertThat(diff.isIncompatible()).isTrue();
        assertThat(diff.getChangedOperations()).anySatisfy(op -> assertThat(op.getNewOperation().getOperationId()).isEqualTo("createHaInstance"));
    }

    @Test
    void aRemovedResponseFieldIsIncompatible() {
        ChangedOpenApi diff = compareWithBaseline(BrokenDocuments.removedResponseField());
        assertThat(diff.isIncompatible()).isTrue();
        assertThat(diff.getChangedOperations()).anySatisfy(op -> assertThat(op.getNewOperation().getOperationId()).isEqualTo("showHaInstance"));
    }

    @Test
    void anAddedOptionalRequestFieldIsCompatible() {
        Path grown = BrokenDocuments.write("added-optional-field", d -> BrokenDocuments.at(d,
                "/components/schemas/HaInstanceSpec/properties").putObject("notes").put("type", "string"));
        assertThat(compareWithBaseline(grown).isIncompatible()).isFalse();
    }
}
