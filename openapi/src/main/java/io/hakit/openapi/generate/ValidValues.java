package io.hakit.openapi.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.curiousoddman.rgxgen.RgxGen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Values that satisfy a schema, drawn at random (from a seeded {@link Random}, so that a seed repeats a run): every
 * required property, some optional ones, lengths and numbers anywhere within their bounds (the bounds themselves
 * often), strings of one- to four-byte characters, patterns by RgxGen, one variant of a oneOf.
 */
final class ValidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters of every UTF-8 length, and the JSON escapes: what a field's text is drawn from. */
    private static final String[] UNITS = {"a", "Z", "7", "-", "_", " ", "é", "ß", "名", "\uD83D\uDE00", "\"", "\\", "/"};
    private static final int MAX_DEPTH = 12;
    private static final Map<String, RgxGen> PATTERNS = new ConcurrentHashMap<>();

    private final Schemas schemas;
    private final Random random;

    ValidValues(Schemas schemas, Random random) {
        this.schemas = schemas;
        this.random = random;
    }

    JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private JsonNode of(JsonNode rawSchema, int depth) {
        JsonNode schema = schemas.resolve(rawSchema);
        if (schema.path("nullable").asBoolean(false) && random.nextInt(8) == 0) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        if (schema.has("oneOf")) {
            JsonNode variants = schema.get("oneOf");
            return of(variants.get(random.nextInt(variants.size())), depth + 1);
        }
        return switch (Schemas.type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "string" -> NODES.textNode(string(schema));
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(integer(schema) + (schema.has("maximum") ? 0 : random.nextInt(100) / 100.0));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode("any");
        };
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = Schemas.required(schema);
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        int max = schema.path("maxProperties").asInt(Integer.MAX_VALUE);
        for (String name : names) {
            boolean take = required.contains(name) || (depth < MAX_DEPTH && random.nextBoolean());
            if (take && object.size() < max) {
                object.set(name, of(schema.get("properties").get(name), depth + 1));
            }
        }
        if (object.isEmpty() && schema.path("minProperties").asInt(0) > 0 && !names.isEmpty()) {
            String name = names.get(random.nextInt(names.size()));
            object.set(name, of(schema.get("properties").get(name), depth + 1));
        }
        return object;
    }

    private JsonNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
        int size = depth >= MAX_DEPTH ? min : min + random.nextInt(max - min + 1);
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        for (int tries = 0; array.size() < size && tries < size * 5; tries++) {
            JsonNode item = of(schema.path("items"), depth + 1);
            if (!unique || !contains(array, item)) {
                array.add(item);
            }
        }
        return array;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    String string(JsonNode schema) {
        if (schema.has("pattern")) {
            return matching(schema.get("pattern").asText(), schema);
        }
        if ("uri".equals(schema.path("format").asText())) {
            return "https://example.com/" + random.nextInt(1000);
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Math.max(min, 40));
        int length = boundaryOr(min, max, () -> min + random.nextInt(Math.min(max - min, 40) + 1));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(UNITS[random.nextInt(UNITS.length)]); // maxLength counts code points, one per unit
        }
        return text.toString();
    }

    private String matching(String pattern, JsonNode schema) {
        RgxGen generator = PATTERNS.computeIfAbsent(pattern, RgxGen::parse);
        Pattern compiled = Pattern.compile(pattern);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        for (int tries = 0; tries < 50; tries++) {
            String candidate = generator.generate(random);
            if (compiled.matcher(candidate).find() && candidate.codePointCount(0, candidate.length()) <= max) {
                return candidate;
            }
        }
        throw new IllegalStateException("no string matching " + pattern + " within its length");
    }

    long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() + (schema.path("exclusiveMinimum").asBoolean() ? 1 : 0) : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() - (schema.path("exclusiveMaximum").asBoolean() ? 1 : 0)
                : Math.max(min, 0) + 1000;
        return boundaryOr(min, max, () -> min + (long) (random.nextDouble() * (max - min + 1)));
    }

    /** A bound itself one time in three (where off-by-one mistakes live), else anything between. */
    private <T extends Number> T boundaryOr(T min, T max, java.util.function.Supplier<T> between) {
        return switch (random.nextInt(6)) {
            case 0 -> min;
            case 1 -> max;
            default -> between.get();
        };
    }
}
