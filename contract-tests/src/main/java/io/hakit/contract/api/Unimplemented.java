package io.hakit.contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Whether an answer says the implementation has no such operation: 501, a 405 (the document defines the method on
 * the path), or a 404 that is not a Fault (a router's own "not found" page rather than the service's itemNotFound).
 */
public final class Unimplemented {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Unimplemented() {}

    public static boolean says(int status, String body) {
        return status == 501 || status == 405 || (status == 404 && !isItemNotFound(body));
    }

    private static boolean isItemNotFound(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            return json != null && json.path("itemNotFound").path("code").asInt() == 404;
        } catch (IOException e) {
            return false;
        }
    }
}
