package io.hakit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The bodies one step smaller than a body: one member removed, one array emptied, one string halved. */
final class Shrinks {

    private Shrinks() {}

    static List<JsonNode> of(JsonNode body) {
        List<JsonNode> smaller = new ArrayList<>();
        collect(body, body, "", smaller);
        return smaller;
    }

    private static void collect(JsonNode root, JsonNode node, String pointer, List<JsonNode> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode copy = root.deepCopy();
                ((ObjectNode) copy.at(pointer)).remove(name);
                out.add(copy);
            }
            node.fields().forEachRemaining(field -> collect(root, field.getValue(), pointer + "/" + escape(field.getKey()), out));
        } else if (node.isArray() && node.size() > 0) {
            JsonNode copy = root.deepCopy();
            ((ArrayNode) copy.at(pointer)).removeAll();
            out.add(copy);
            for (int i = 0; i < node.size(); i++) {
                collect(root, node.get(i), pointer + "/" + i, out);
            }
        } else if (node.isTextual() && node.textValue().length() > 1 && !pointer.isEmpty()) {
            JsonNode copy = root.deepCopy();
            String text = node.textValue();
            JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
            String key = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            TextNode half = TextNode.valueOf(text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, text.length()) / 2)));
            if (parent instanceof ObjectNode object) {
                object.set(key, half);
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(key), half);
            }
            out.add(copy);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
