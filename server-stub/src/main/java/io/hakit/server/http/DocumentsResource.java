package io.hakit.server.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the documents the server implements: the bundled HA document and the control API's. */
@Path("")
public final class DocumentsResource {

    public static final String HA_DOCUMENT = "openapi/ha-api.yaml";
    public static final String CONTROL_DOCUMENT = "openapi/emulator.yaml";

    private static final String YAML = "application/yaml";

    @GET
    @Path("/openapi.yaml")
    @Produces(YAML)
    public Response haDocument() {
        return Response.ok(classpathText(HA_DOCUMENT), YAML).build();
    }

    @GET
    @Path("/_emulator/openapi.yaml")
    @Produces(YAML)
    public Response controlDocument() {
        return Response.ok(classpathText(CONTROL_DOCUMENT), YAML).build();
    }

    public static String classpathText(String resource) {
        try (InputStream in = DocumentsResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
