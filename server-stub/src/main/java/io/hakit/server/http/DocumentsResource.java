package io.hakit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.ReferencePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves what the server implements, for readers: the bundled HA document and the control API's, each with this
 * server's own URL first in {@code servers} (so that Swagger UI's "Try it out" reaches it, whatever its port), and
 * the self-contained reference page. Rendered once, on first use: the URL cannot change while the server runs.
 */
@Path("")
public final class DocumentsResource {

    public static final String REFERENCE_PAGE = "openapi/reference.html";
    /** The paths this resource serves (not JSON: the API's own answers are JSON whatever Accept says). */
    public static final java.util.Set<String> PATHS = java.util.Set.of("/openapi.yaml", "/_emulator/openapi.yaml", "/reference");

    /** Whether the path is one of {@link #PATHS}, with or without the trailing slash Jersey matches as well. */
    public static boolean serves(String path) {
        return PATHS.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    private static final String YAML = "application/yaml";
    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private static final String HA_SERVER =
            "This reference server: the HA contract kit's stateful emulator (plain HTTP), the one serving this document.";

    private final Supplier<String> ownUrl;
    // Built once, by the first request that needs one (the others wait for it): 70 first views of the reference page
    // at once, each reading it from the jar, filled the heap.
    private final BuiltOnFirstUse<String> haDocument = new BuiltOnFirstUse<>(() -> withOwnServerFirst(
            ContractValidators.classpathText(HaContract.CLASSPATH_LOCATION), HA_SERVER));
    private final BuiltOnFirstUse<String> controlDocument = new BuiltOnFirstUse<>(() -> withOwnServerFirst(
            ContractValidators.classpathText(ContractValidators.CONTROL_LOCATION), "This reference server (its control API)."));
    /** Its bytes, with this server first as well: reading its 2.5 MB from the jar took 33 ms of CPU per view. */
    private final BuiltOnFirstUse<byte[]> referencePage = new BuiltOnFirstUse<>(() -> ReferencePage.withDocument(
            ContractValidators.classpathText(REFERENCE_PAGE), document -> withOwnServerFirst(document, HA_SERVER))
            .getBytes(StandardCharsets.UTF_8));

    /** @param ownUrl the URL this server answers at (its public URL where one is set) */
    public DocumentsResource(Supplier<String> ownUrl) {
        this.ownUrl = ownUrl;
    }

    @GET
    @Path("/openapi.yaml")
    @Produces(YAML)
    public Response haDocument() {
        return Response.ok(haDocument.get(), YAML).build();
    }

    @GET
    @Path("/_emulator/openapi.yaml")
    @Produces(YAML)
    public Response controlDocument() {
        return Response.ok(controlDocument.get(), YAML).build();
    }

    /** The reference page (Redoc, inlined, no network), as the openapi module built it. */
    @GET
    @Path("/reference")
    @Produces("text/html")
    public Response referencePage() {
        return Response.ok(referencePage.get(), "text/html; charset=utf-8").build();
    }

    /**
     * The document with this server first among its servers; the document's own entry for the reference server (its
     * default address, marked {@code x-reference-server}) gives way to it.
     */
    private String withOwnServerFirst(String text, String description) {
        try {
            return YAML_MAPPER.writeValueAsString(withOwnServerFirst((ObjectNode) YAML_MAPPER.readTree(text), description));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode withOwnServerFirst(ObjectNode document, String description) {
        ArrayNode servers = document.arrayNode();
        servers.addObject().put("url", ownUrl.get()).put("description", description).put("x-reference-server", true);
        for (JsonNode server : document.path("servers")) {
            boolean ownDefault = server.path("x-reference-server").asBoolean(false)
                    || server.path("url").asText().startsWith("http://127.0.0.1:");
            if (!ownDefault) {
                servers.add(server);
            }
        }
        document.set("servers", servers);
        return document;
    }
}
