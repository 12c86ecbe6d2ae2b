package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Gate 2: Spectral with spectral:oas and the project ruleset (openapi/spectral/ruleset.yaml) on the bundle, and the
 * layout ruleset on the source root: zero errors and zero warnings. Each promise of the ruleset is shown to bite.
 */
class SpectralGateTest {

    private static final Path RULESET = KitPaths.OPENAPI.resolve("spectral/ruleset.yaml");
    private static final Path LAYOUT = KitPaths.OPENAPI.resolve("spectral/layout.yaml");

    static NodeTool.Result lint(Path document, Path ruleset) {
        return NodeTool.run("spectral", "lint", document, "--ruleset", ruleset, "--fail-severity=warn",
                "--display-only-failures");
    }

    @Test
    void theBundlePassesWithNoErrorOrWarning() {
        NodeTool.Result result = lint(KitPaths.BUNDLE, RULESET);
        assertThat(result.output()).contains("No results");
        assertThat(result.passed()).as(result.output()).isTrue();
    }

    @Test
    void theEmulatorControlDocumentPassesSpectralOas() {
        NodeTool.Result result = lint(KitPaths.OPENAPI.resolve("emulator.yaml"), KitPaths.OPENAPI.resolve("spectral/emulator.yaml"));
        assertThat(result.passed()).as(result.output()).isTrue();
    }

    @Test
    void theSourceLayoutPasses() {
        NodeTool.Result result = lint(KitPaths.SOURCE_ROOT, LAYOUT);
        assertThat(result.passed()).as(result.output()).isTrue();
    }

    @Test
    void aMissingErrorCodeFails() {
        assertRejected(BrokenDocuments.missingErrorCode(), "ha-fault-responses", "missing the 404 itemNotFound response");
    }

    @Test
    void anExampleThatViolatesItsSchemaFails() {
        assertRejected(BrokenDocuments.exampleViolatingItsSchema(), "oas3-valid-media-example", "size");
    }

    @Test
    void anOperationWithoutItsOwnSecurityFails() {
        assertRejected(BrokenDocuments.missingSecurity(), "ha-operation-security", "security");
    }

    @Test
    void anOperationIdOffTheConventionFails() {
        assertRejected(BrokenDocuments.badOperationId(), "ha-operation-id-get", "list* or show*");
    }

    @Test
    void aDocumentedRequestWithoutItsResponseExampleFails() {
        Path broken = BrokenDocuments.write("unpaired-example", d -> BrokenDocuments.at(d,
                BrokenDocuments.SHOW_HA + "/responses/200/content/application~1json/examples").remove("showHaInstance"));
        assertRejected(broken, "ha-documented-exchanges", "showHaInstance: no response example");
    }

    @Test
    void anUnboundedArrayAnIntegerWithoutFormatAndAnUndescribedRequestFieldFail() {
        Path broken = BrokenDocuments.write("lint-gaps", d -> {
            BrokenDocuments.at(d, "/components/schemas/AclList/properties/acls").remove("maxItems");
            BrokenDocuments.at(d, "/components/schemas/Volume/properties/size").remove("format");
            BrokenDocuments.at(d, "/components/schemas/MemberSpec/properties/name").remove("description");
        });
        NodeTool.Result result = lint(broken, RULESET);
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).contains("ha-arrays-bounded").contains("AclList.properties.acls")
                .contains("ha-integer-format").contains("Volume.properties.size")
                .contains("ha-request-field-descriptions").contains("MemberSpec.properties.name");
    }

    @Test
    void anInlineOperationInTheSourceRootFails() throws Exception {
        Path root = KitPaths.FIXTURES.resolve("inline-root/ha-api.yaml");
        Files.createDirectories(root.getParent());
        String source = Files.readString(KitPaths.SOURCE_ROOT).replace("$ref: paths/", "$ref: ../../../paths/")
                .replace("$ref: components/", "$ref: ../../../components/")
                .replace("    get:\n      $ref: ../../../paths/listHaInstances.yaml",
                        "    get:\n      operationId: listHaInstances\n      responses: {}");
        Files.writeString(root, source);
        NodeTool.Result result = lint(root, LAYOUT);
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).contains("ha-path-entries-are-file-refs");
    }

    private static void assertRejected(Path broken, String rule, String detail) {
        NodeTool.Result result = lint(broken, RULESET);
        assertThat(result.passed()).as("Spectral must reject %s", broken.getFileName()).isFalse();
        assertThat(result.output()).contains(rule).contains(detail);
    }
}
