package io.hakit.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.openapi.HaContract;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The documented Fault body, {@code {"<faultName>": {"code": N, "message": "..."}}}, for every error status. */
public final class Faults {

    /** From the document's Fault schemas, so that the server and the document cannot disagree. */
    private static final Map<Integer, String> NAMES = HaContract.load().faultNames();

    /** The message of every unexpected failure: what went wrong is logged, never sent. */
    public static final String SERVER_FAULT = "The server has either erred or is incapable of performing the requested operation.";

    private Faults() {}

    public static String name(int status) {
        String name = NAMES.get(status);
        if (name == null) {
            throw new IllegalArgumentException("no documented fault for status " + status);
        }
        return name;
    }

    public static boolean documented(int status) {
        return NAMES.containsKey(status);
    }

    public static ObjectNode body(int status, String message, String details) {
        ObjectNode fault = JsonNodeFactory.instance.objectNode();
        ObjectNode inner = fault.putObject(name(status));
        inner.put("code", status);
        inner.put("message", message);
        if (details != null) {
            inner.put("details", details);
        }
        return fault;
    }

    public static Response response(int status, String message) {
        return response(status, message, null);
    }

    public static Response response(int status, String message, String details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(status, message, details)).build();
    }

    /** A rate limit's 413: Retry-After in the header and, as a string, in the body. */
    public static Response rateLimited(String message, long retryAfterSeconds) {
        ObjectNode body = body(413, message, null);
        ((ObjectNode) body.get("overLimit")).put("retryAfter", String.valueOf(retryAfterSeconds));
        return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(body).build();
    }
}
