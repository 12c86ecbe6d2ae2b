package io.hakit.server.resources.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON tree written as the bytes of an answer. */
public final class JsonBytes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBytes() {}

    public static byte[] of(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
