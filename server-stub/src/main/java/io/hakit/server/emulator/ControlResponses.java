package io.hakit.server.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The control API's answers: JSON, and its own small problem body (it is not the HA API: no Fault). */
final class ControlResponses {

    private ControlResponses() {}

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response problem(int status, String message) {
        return json(status, JsonNodeFactory.instance.objectNode().put("error", message));
    }
}
