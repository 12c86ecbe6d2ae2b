package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bundle as a YAML 1.1 loader reads it: SnakeYAML's safe loader resolves plain scalars as PyYAML and js-yaml's
 * default schema do (timestamps become dates, {@code 1:20} a number). What is not a JSON value (a date, a set,
 * binary) is listed, and kept in the tree as Jackson writes it (a date as epoch milliseconds), so that a schema
 * that wants a string rejects it as those readers' users would see it rejected.
 */
final class Yaml11Reading {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A value that is not JSON: where, and what the loader made of it. */
    record NonJsonValue(String pointer, String javaType) {}

    private final JsonNode tree;
    private final List<NonJsonValue> nonJsonValues = new ArrayList<>();

    private Yaml11Reading(Object loaded) {
        this.tree = toJson(loaded, "");
    }

    static Yaml11Reading of(Path document) {
        try (Reader reader = Files.newBufferedReader(document)) {
            return new Yaml11Reading(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode tree() {
        return tree;
    }

    List<NonJsonValue> nonJsonValues() {
        return List.copyOf(nonJsonValues);
    }

    private JsonNode toJson(Object value, String pointer) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            map.forEach((key, item) -> {
                if (!(key instanceof String)) {
                    nonJsonValues.add(new NonJsonValue(pointer + "/" + key, "key of " + key.getClass().getName()));
                }
                String name = String.valueOf(key);
                object.set(name, toJson(item, pointer + "/" + name.replace("~", "~0").replace("/", "~1")));
            });
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                array.add(toJson(list.get(i), pointer + "/" + i));
            }
            return array;
        }
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            nonJsonValues.add(new NonJsonValue(pointer, value.getClass().getName()));
        }
        return JSON.valueToTree(value);
    }
}
