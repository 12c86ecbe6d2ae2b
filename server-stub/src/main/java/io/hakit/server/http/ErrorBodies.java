package io.hakit.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error body a path's document defines: the control API's Problem ({@code {"error": "..."}}) under
 * {@code /_emulator}, the HA document's Fault of the status everywhere else. For errors raised before it is known
 * which operation a request is (the edge, routing, body limits, unexpected failures).
 */
public final class ErrorBodies {

    private ErrorBodies() {}

    /** Whether the path's first segment, without path parameters (a target the edge refuses may have some), is _emulator. */
    public static boolean isControlApi(String path) {
        if (path == null || !path.startsWith("/_emulator")) {
            return false;
        }
        return path.length() == "/_emulator".length() || "/;".indexOf(path.charAt("/_emulator".length())) >= 0;
    }

    public static ObjectNode body(String path, int status, String message) {
        if (isControlApi(path)) {
            return JsonNodeFactory.instance.objectNode().put("error", message);
        }
        return Faults.body(status, message, null);
    }

    public static Response response(String path, int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(path, status, message)).build();
    }
}
