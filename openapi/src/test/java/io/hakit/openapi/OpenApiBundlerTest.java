package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiBundlerTest {

    @Test
    void theBundleIsSelfContained() {
        JsonNode bundle = OpenApiBundler.bundle(KitPaths.SOURCE_ROOT);
        bundle.findValues("$ref").forEach(ref -> assertThat(ref.asText()).startsWith("#/components/"));
        assertThat(bundle.at("/components/schemas/HaInstance/properties/state/$ref").asText())
                .isEqualTo("#/components/schemas/HaState");
    }

    @Test
    void anOperationFileMustBeNamedByItsOperationId(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("paths"));
        Files.writeString(dir.resolve("root.yaml"), "openapi: 3.0.3\npaths:\n  /x:\n    get:\n      $ref: paths/listX.yaml\n");
        Files.writeString(dir.resolve("paths/listX.yaml"), "operationId: showX\nresponses: {}\n");
        assertThatThrownBy(() -> OpenApiBundler.bundle(dir.resolve("root.yaml")))
                .hasMessageContaining("named by its operationId");
    }

    @Test
    void twoComponentsOfOneNameAreRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("components/schemas"));
        Files.writeString(dir.resolve("components/schemas/a.yaml"), "Thing: {type: string}\n");
        Files.writeString(dir.resolve("components/schemas/b.yaml"), "Thing: {type: integer}\n");
        Files.writeString(dir.resolve("root.yaml"), """
                openapi: 3.0.3
                components:
                  schemas:
                    A: {properties: {a: {$ref: 'components/schemas/a.yaml#/Thing'}, b: {$ref: 'components/schemas/b.yaml#/Thing'}}}
                """);
        assertThatThrownBy(() -> OpenApiBundler.bundle(dir.resolve("root.yaml"))).hasMessageContaining("two schemas are named Thing");
    }
}
