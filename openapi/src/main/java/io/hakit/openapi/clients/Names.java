package io.hakit.openapi.clients;

import java.util.Locale;

/** How each generator names what the document names (API classes from tags, methods, properties). */
final class Names {

    private Names() {}

    /** The Java generator's API class of a tag: {@code HA actions} is {@code HaActionsApi}. */
    static String javaApi(String tag) {
        StringBuilder out = new StringBuilder();
        for (String word : tag.split(" ")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.append("Api").toString();
    }

    /** The other generators' API class of a tag: {@code HA actions} is {@code HAActionsApi} (Go: {@code HAActionsAPI}). */
    static String api(String tag, String suffix) {
        StringBuilder out = new StringBuilder();
        for (String word : tag.split(" ")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.append(suffix).toString();
    }

    /** camelCase to snake_case ({@code actOnHaInstance} is {@code act_on_ha_instance}). */
    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static String upperFirst(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A JSON scalar as a literal of a C-like language. */
    static String literal(com.fasterxml.jackson.databind.JsonNode value) {
        return value.isTextual() ? "\"" + value.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value.toString();
    }
}
