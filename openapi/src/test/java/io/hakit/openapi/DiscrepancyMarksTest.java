package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/seed-discrepancies.md says, for each contradiction of the seed, where the document records the kit's choice
 * ("Where"). A reviewer reads the rendered page, which shows a choice only through its mark: each element the
 * column names (a schema, a schema's property, a parameter, a response, an operation's file, the info) must carry a
 * {@code kit: discrepancy N} mark in it, or the page presents the kit's choice (createBackup's 202 over the table's
 * 200, {@code flavorRef} over the table's {@code flavor}, a volume object over a string, ...) as if the source had
 * said it. Entries that name no one element (every 202, the replay rule, the reference server's worlds, examples,
 * {@code x-documented-requests}) are not checked here.
 */
class DiscrepancyMarksTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (\\d+) \\|.*\\| ([^|]*) \\|$");
    private static final Pattern TOKEN = Pattern.compile("`([^`]+)`");
    private static final Pattern COMPONENT = Pattern.compile("(?:^|/)([\\w-]+)\\.yaml#/(\\w+)$|^#/(\\w+)$");
    private static final Pattern OPERATION_FILE = Pattern.compile("^paths/(\\w+)\\.yaml$");
    private static final Pattern SCHEMA_MEMBER = Pattern.compile("^([A-Z]\\w+)(?:\\.(\\w+))?$");

    @Test
    void everyElementADiscrepancyNamesCarriesItsMark() throws IOException {
        JsonNode bundle = YAML.readTree(KitPaths.BUNDLE.toFile());
        String discrepancies = Files.readString(KitPaths.ROOT.resolve("docs/seed-discrepancies.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher row = ROW.matcher(discrepancies);
        while (row.find()) {
            String number = row.group(1);
            Matcher token = TOKEN.matcher(row.group(2));
            while (token.find()) {
                JsonNode element = element(bundle, token.group(1).trim());
                if (element == null) {
                    continue;
                }
                checked++;
                if (!marked(element, "discrepancy " + number)) {
                    missing.add("discrepancy " + number + ": `" + token.group(1) + "` has no mark of it");
                }
            }
        }
        assertThat(missing).as("elements that docs/seed-discrepancies.md names without the document marking them").isEmpty();
        assertThat(checked).as("elements named by the Where column").isGreaterThan(30);
    }

    /** The element a token of the Where column names, or null when it names no one element of the bundle. */
    private static JsonNode element(JsonNode bundle, String token) {
        if (token.equals("info.description")) {
            return bundle.get("info");
        }
        Matcher file = OPERATION_FILE.matcher(token);
        if (file.matches()) {
            for (JsonNode path : bundle.get("paths")) {
                for (JsonNode operation : path) {
                    if (file.group(1).equals(operation.path("operationId").asText())) {
                        return operation;
                    }
                }
            }
            throw new AssertionError("no operation " + file.group(1) + " for `" + token + "`");
        }
        Matcher component = COMPONENT.matcher(token);
        if (component.find()) {
            String kind = component.group(1) == null ? "schemas" : component.group(1);
            String name = component.group(2) != null ? component.group(2) : component.group(3);
            if (kind.equals("path") || kind.equals("query")) {
                return require(bundle.at("/components/parameters/" + name), token);
            }
            if (kind.equals("faults") && token.contains("responses/")) {
                return require(bundle.at("/components/responses/" + name), token);
            }
            if (token.contains("examples/")) {
                return null;
            }
            return require(bundle.at("/components/schemas/" + name), token);
        }
        Matcher member = SCHEMA_MEMBER.matcher(token);
        if (member.matches() && bundle.at("/components/schemas/" + member.group(1)).isObject()) {
            JsonNode schema = bundle.at("/components/schemas/" + member.group(1));
            String property = member.group(2);
            return property == null || property.equals("required") ? schema
                    : require(schema.at("/properties/" + property), token);
        }
        return null;
    }

    private static JsonNode require(JsonNode node, String token) {
        assertThat(node.isObject()).as("the element `%s` names", token).isTrue();
        return node;
    }

    private static boolean marked(JsonNode node, String decision) {
        if (node.isObject()) {
            for (JsonNode mark : node.path("x-provenance")) {
                if (decision.equals(mark.path("kit").asText())) {
                    return true;
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("x-provenance") && !field.getKey().startsWith("x-documented")
                        && marked(field.getValue(), decision)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (marked(item, decision)) {
                    return true;
                }
            }
        }
        return false;
    }
}
