package io.hakit.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Deliberately broken copies of the bundle, each written under target/gate-fixtures for a gate to reject. */
final class BrokenDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final String SHOW_HA = "/paths/~1{version}~1{accountId}~1ha~1{haId}/get";
    static final String CREATE_HA = "/paths/~1{version}~1{accountId}~1ha/post";

    private BrokenDocuments() {}

    /** A copy of the bundle, changed by {@code breakage}, written as {@code name}.yaml. */
    static Path write(String name, Consumer<ObjectNode> breakage) {
        return write(name, KitPaths.BUNDLE, breakage);
    }

    /** A copy of {@code original} (the bundle, the baseline), changed by {@code breakage}, written as {@code name}.yaml. */
    static Path write(String name, Path original, Consumer<ObjectNode> breakage) {
        try {
            ObjectNode document = (ObjectNode) YAML.readTree(original.toFile());
            breakage.accept(document);
            Files.createDirectories(KitPaths.FIXTURES);
            Path file = KitPaths.FIXTURES.resolve(name + ".yaml");
            YAML.writeValue(file.toFile(), document);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bundle's text, changed by {@code breakage}: for what only the YAML text can show. */
    static Path writeText(String name, java.util.function.UnaryOperator<String> breakage) {
        try {
            Files.createDirectories(KitPaths.FIXTURES);
            Path file = KitPaths.FIXTURES.resolve(name + ".yaml");
            Files.writeString(file, breakage.apply(Files.readString(KitPaths.BUNDLE)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode at(ObjectNode document, String pointer) {
        return (ObjectNode) document.at(pointer);
    }

    static Path missingErrorCode() {
        return write("missing-404", d -> at(d, SHOW_HA + "/responses").remove("404"));
    }

    /** The documented show example with its volume size as a string: the schema says integer. */
    static Path exampleViolatingItsSchema() {
        return write("example-violates-schema", d -> at(d,
                "/components/examples/showHaInstanceResponse/value/ha_instance/volume").put("size", "one"));
    }

    static Path removedOperation() {
        return write("removed-operation", d -> at(d, "/paths").remove("/{version}/{accountId}/ha/{haId}/acls/{address}"));
    }

    static Path missingSecurity() {
        return write("missing-security", d -> at(d, SHOW_HA).remove("security"));
    }

    static Path badOperationId() {
        return write("bad-operation-id", d -> at(d, SHOW_HA).put("operationId", "getHaInstance"));
    }

    static Path danglingReference() {
        return write("dangling-ref", d -> at(d, "/components/schemas").remove("Volume"));
    }

    static Path newRequiredRequestField() {
        return write("new-required-request-field", d -> at(d, "/components/schemas/HaInstanceSpec")
                .withArray("required").add("flavor_policy"));
    }

    static Path removedResponseField() {
        return write("removed-response-field", d -> {
            ObjectNode haInstance = at(d, "/components/schemas/HaInstance");
            ((ObjectNode) haInstance.get("properties")).remove("tenant_id");
            var required = haInstance.withArray("required");
            for (int i = 0; i < required.size(); i++) {
                if (required.get(i).asText().equals("tenant_id")) {
                    required.remove(i);
                }
            }
        });
    }
}
