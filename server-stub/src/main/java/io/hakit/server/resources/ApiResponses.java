package io.hakit.server.resources;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The success answers of the API: JSON with a status, or a status alone (the service's empty 200 and 202). */
final class ApiResponses {

    private ApiResponses() {}

    static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response ok(JsonNode body) {
        return json(200, body);
    }

    static Response empty(int status) {
        return Response.status(status).build();
    }
}
