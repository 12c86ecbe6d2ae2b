package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Gate 3: Redocly lint (openapi/redocly.yaml: recommended rules, warnings fail) on the bundle. */
class RedoclyGateTest {

    private static final Path CONFIG = KitPaths.OPENAPI.resolve("redocly.yaml");

    static NodeTool.Result lint(Path document) {
        return NodeTool.run("redocly", "lint", document, "--config", CONFIG, "--max-problems", "50");
    }

    @Test
    void theBundleIsClean() {
        NodeTool.Result result = lint(KitPaths.BUNDLE);
        assertThat(result.passed()).as(result.output()).isTrue();
        assertThat(result.output()).contains("Your API description is valid").doesNotContainPattern("You have \\d+ warning");
    }

    @Test
    void anExampleThatViolatesItsSchemaFails() {
        NodeTool.Result result = lint(BrokenDocuments.exampleViolatingItsSchema());
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).contains("no-invalid-media-type-examples");
    }

    @Test
    void aDanglingReferenceFails() {
        NodeTool.Result result = lint(BrokenDocuments.danglingReference());
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).contains("no-unresolved-refs");
    }
}
