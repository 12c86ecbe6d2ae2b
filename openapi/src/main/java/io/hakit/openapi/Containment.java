package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replay rule: a documented body is contained in an answer when every documented object key is there with a
 * contained value, every documented list element is contained in some element of the answer's list, and every
 * other value is equal. Pointers in {@code notCompared} (values the service issues, such as new ids) are skipped.
 */
public final class Containment {

    private Containment() {}

    /** The differences; empty when {@code documented} is contained in {@code actual}. */
    public static List<String> differences(JsonNode documented, JsonNode actual, Set<String> notCompared) {
        List<String> differences = new ArrayList<>();
        compare("", documented, actual, notCompared, differences);
        return differences;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, Set<String> skip, List<String> out) {
        if (skip.contains(at)) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(at + ": missing (documented " + expected + ")");
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(at + ": documented an object, got " + actual);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(at + "/" + field.getKey(), field.getValue(), actual.get(field.getKey()), skip, out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()) {
                out.add(at + ": documented a list, got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                String element = at + "/" + i;
                JsonNode wanted = expected.get(i);
                boolean found = false;
                for (JsonNode candidate : actual) {
                    if (differences(element, wanted, candidate, skip).isEmpty()) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    out.add(element + ": no element of the answer contains " + wanted);
                }
            }
        } else if (!equalScalars(expected, actual)) {
            out.add(at + ": documented " + expected + ", got " + actual);
        }
    }

    private static List<String> differences(String at, JsonNode expected, JsonNode actual, Set<String> skip) {
        List<String> out = new ArrayList<>();
        compare(at, expected, actual, skip, out);
        return out;
    }

    /** 1 and 1.0 are one number; a number and a string are not. */
    private static boolean equalScalars(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
