package io.hakit.openapi.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.curiousoddman.rgxgen.RgxGen;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Every way to break a valid value's schema once: for each node of the value, its type, and each constraint its
 * schema states (a required property removed, an unknown one added, below the minimum and above the maximum, too
 * short and too long, off the pattern, off the enum, null where not nullable, too few and too many items, a
 * duplicate where items are unique, a oneOf matched by none or by two variants). Each break is the whole value with
 * that one change, so that a refusal can be charged to exactly one constraint.
 */
final class ConstraintBreaks {

    /** One broken constraint: where, which, and the whole value with it broken. */
    record Break(String pointer, String constraint, JsonNode value) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Schemas schemas;
    private final ValidValues values;
    private final Random random;

    ConstraintBreaks(Schemas schemas, ValidValues values, Random random) {
        this.schemas = schemas;
        this.values = values;
        this.random = random;
    }

    List<Break> of(JsonNode schema, JsonNode valid) {
        List<Break> breaks = new ArrayList<>();
        collect(schema, valid, "", valid, breaks);
        return breaks;
    }

    private void collect(JsonNode rawSchema, JsonNode node, String pointer, JsonNode root, List<Break> out) {
        JsonNode schema = schemas.resolve(rawSchema);
        if (schema.has("oneOf")) {
            oneOf(schema, node, pointer, root, out);
            return;
        }
        String type = Schemas.type(schema);
        if (!schema.path("nullable").asBoolean(false) && !node.isNull()) {
            out.add(replaced(root, pointer, "null", NODES.nullNode()));
        }
        out.add(replaced(root, pointer, "type", wrongType(type)));
        if (schema.has("enum") && type.equals("string")) {
            out.add(replaced(root, pointer, "enum", NODES.textNode("not-one-of-" + schema.get("enum").size())));
        }
        switch (type) {
            case "object" -> object(schema, node, pointer, root, out);
            case "array" -> array(schema, node, pointer, root, out);
            case "string" -> string(schema, pointer, root, out);
            case "integer", "number" -> number(schema, type, pointer, root, out);
            default -> { }
        }
    }

    private void object(JsonNode schema, JsonNode node, String pointer, JsonNode root, List<Break> out) {
        if (!node.isObject()) {
            return;
        }
        for (String name : Schemas.required(schema)) {
            if (node.has(name)) {
                out.add(changed(root, pointer, "required", object -> {
                    ((ObjectNode) object).remove(name);
                    return object;
                }, "/" + escape(name)));
            }
        }
        if (Schemas.closed(schema)) {
            out.add(changed(root, pointer, "additionalProperties", object -> {
                ((ObjectNode) object).put("unexpected_field", "x");
                return object;
            }, ""));
        }
        if (schema.path("minProperties").asInt(0) > 0 && !node.isEmpty()) {
            out.add(replaced(root, pointer, "minProperties", NODES.objectNode())); // the action body with no key
        }
        if (schema.has("maxProperties") && schema.path("properties").size() > node.size()) {
            out.add(changed(root, pointer, "maxProperties", object -> {
                Iterator<String> names = schema.path("properties").fieldNames();
                while (names.hasNext() && object.size() <= schema.get("maxProperties").asInt()) {
                    String name = names.next();
                    if (!object.has(name)) {
                        ((ObjectNode) object).set(name, values.of(schema.get("properties").get(name)));
                    }
                }
                return object;
            }, ""));
        }
        node.fields().forEachRemaining(field -> {
            JsonNode propertySchema = schema.path("properties").get(field.getKey());
            if (propertySchema != null) {
                collect(propertySchema, field.getValue(), pointer + "/" + escape(field.getKey()), root, out);
            }
        });
    }

    private void array(JsonNode schema, JsonNode node, String pointer, JsonNode root, List<Break> out) {
        if (!node.isArray()) {
            return;
        }
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            out.add(changed(root, pointer, "maxItems", array -> {
                ArrayNode items = (ArrayNode) array;
                for (int i = 0; items.size() <= max && i < max + 2; i++) {
                    items.add(values.of(schema.path("items")));
                }
                return items;
            }, ""));
        }
        if (schema.path("minItems").asInt(0) > 0 && node.size() > 0) {
            out.add(replaced(root, pointer, "minItems", NODES.arrayNode()));
        }
        if (schema.path("uniqueItems").asBoolean(false) && node.size() > 0) {
            out.add(changed(root, pointer, "uniqueItems", array -> ((ArrayNode) array).add(array.get(0).deepCopy()), ""));
        }
        for (int i = 0; i < node.size(); i++) {
            collect(schema.path("items"), node.get(i), pointer + "/" + i, root, out);
        }
    }

    private void string(JsonNode schema, String pointer, JsonNode root, List<Break> out) {
        int min = schema.path("minLength").asInt(0);
        if (min > 0) {
            out.add(replaced(root, pointer, "minLength", NODES.textNode("x".repeat(min - 1))));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            out.add(replaced(root, pointer, "maxLength", NODES.textNode("é".repeat(max + 1))));
        }
        if (schema.has("pattern")) {
            out.add(replaced(root, pointer, "pattern", NODES.textNode(notMatching(schema.get("pattern").asText()))));
        }
    }

    private void number(JsonNode schema, String type, String pointer, JsonNode root, List<Break> out) {
        if (schema.has("minimum")) {
            out.add(replaced(root, pointer, "minimum", NODES.numberNode(schema.get("minimum").asLong() - 1)));
        }
        if (schema.has("maximum")) {
            out.add(replaced(root, pointer, "maximum", NODES.numberNode(schema.get("maximum").asLong() + 1)));
        }
        if (type.equals("integer")) {
            out.add(replaced(root, pointer, "integer", NODES.numberNode(1.5)));
            out.add(replaced(root, pointer, "integer-range", NODES.numberNode(new java.math.BigInteger("99999999999999999999"))));
        }
    }

    /** A oneOf of single-key objects (the action body): no variant at all, and two variants at once. */
    private void oneOf(JsonNode schema, JsonNode node, String pointer, JsonNode root, List<Break> out) {
        out.add(replaced(root, pointer, "oneOf-none", NODES.objectNode()));
        JsonNode variants = schema.get("oneOf");
        if (variants.size() > 1 && node.isObject()) {
            JsonNode other = values.of(variants.get(random.nextInt(variants.size())));
            ObjectNode two = ((ObjectNode) node.deepCopy()).setAll((ObjectNode) (other.isObject() ? other : NODES.objectNode()));
            if (two.size() > node.size()) {
                out.add(replaced(root, pointer, "oneOf-two", two));
            }
        }
        out.add(replaced(root, pointer, "type", NODES.arrayNode()));
        for (JsonNode variant : variants) {
            JsonNode resolved = schemas.resolve(variant);
            boolean matches = node.isObject() && node.size() == 1
                    && resolved.path("properties").has(node.fieldNames().next());
            if (matches) {
                object(resolved, node, pointer, root, out);
                return;
            }
        }
    }

    private String notMatching(String pattern) {
        Pattern compiled = Pattern.compile(pattern);
        RgxGen generator = RgxGen.parse(pattern);
        for (int tries = 0; tries < 50; tries++) {
            String candidate = generator.generateNotMatching(random);
            if (!compiled.matcher(candidate).find()) {
                return candidate;
            }
        }
        return "not/matching any pattern";
    }

    private static JsonNode wrongType(String type) {
        return switch (type) {
            case "string" -> NODES.numberNode(12345);
            case "integer", "number" -> NODES.textNode("twelve");
            case "boolean" -> NODES.textNode("true");
            case "array" -> NODES.textNode("[]");
            default -> NODES.textNode("{}");
        };
    }

    private static Break replaced(JsonNode root, String pointer, String constraint, JsonNode replacement) {
        return changed(root, pointer, constraint, ignored -> replacement, "");
    }

    /** The whole value with the node at {@code pointer} changed; {@code at} locates the break more precisely. */
    private static Break changed(JsonNode root, String pointer, String constraint, UnaryOperator<JsonNode> change, String at) {
        JsonNode copy = root.deepCopy();
        if (pointer.isEmpty()) {
            return new Break(at.isEmpty() ? "/" : at, constraint, change.apply(copy));
        }
        JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String key = unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
        JsonNode changed = change.apply(copy.at(pointer));
        if (parent instanceof ObjectNode object) {
            object.set(key, changed);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), changed);
        }
        return new Break(pointer + at, constraint, copy);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
