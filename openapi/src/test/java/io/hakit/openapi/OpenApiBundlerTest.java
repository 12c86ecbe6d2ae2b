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
    void stringsAYaml11ReaderWouldTakeForSomethingElseAreQuoted() throws Exception {
        var values = OpenApiBundler.YAML.createObjectNode();
        for (String text : java.util.List.of("2016-03-15T16:36:48", "2012-08-01T00:00:00Z", "2016-03-15", "1:20",
                "0b101", "=", "<<", "yes", "5.6", "~", "plain text", "v1.0", "ha-1")) {
            values.put(text, text);
        }
        String yaml = OpenApiBundler.YAML.writeValueAsString(values);
        for (String quoted : java.util.List.of("2016-03-15T16:36:48", "2012-08-01T00:00:00Z", "2016-03-15", "1:20",
                "0b101", "=", "<<", "yes", "5.6", "~")) {
            assertThat(yaml).contains("\"" + quoted + "\": \"" + quoted + "\"");
        }
        assertThat(yaml).contains("plain text: plain text").contains("v1.0: v1.0").contains("ha-1: ha-1");
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
