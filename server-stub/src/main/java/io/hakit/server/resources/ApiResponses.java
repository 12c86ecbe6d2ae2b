package io.hakit.server.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.server.resources.views.JsonBytes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The success answers of the API: JSON with a status, or a status alone (the service's empty 200 and 202). */
final class ApiResponses {

    private ApiResponses() {}

    /**
     * The body is written here, once, with its length: the answer then goes out as bytes, without Jersey's
     * per-request lookup of a JSON writer. The length is set as text: Jersey writes a header value of any other type
     * through a lookup of its header delegates, for each answer.
     */
    static Response json(int status, JsonNode body) {
        return rendered(status, JsonBytes.of(body));
    }

    /** JSON already written; the bytes are sent as they are and never changed (a kept rendering of the views). */
    static Response rendered(int status, byte[] bytes) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bytes)
                .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length)).build();
    }

    static Response ok(JsonNode body) {
        return json(200, body);
    }

    static Response empty(int status) {
        return Response.status(status).build();
    }
}
