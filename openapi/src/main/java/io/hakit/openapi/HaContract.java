package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bundled HA document: its named operations ({@code x-operations}) and its documented exchanges
 * ({@code x-documented-requests} with the request and response examples of the same name). Tests, the reference
 * server and the gate read the document through this class; none of them copies an example.
 */
public final class HaContract {

    /** Where the bundle lives on the classpath of every module that depends on this one. */
    public static final String CLASSPATH_LOCATION = "openapi/ha-api.yaml";
    /**
     * The same bundle as JSON, written beside it by the bundler: what programs read (the server's start-up parsed the
     * YAML in a third of its time; Jackson reads the JSON several times faster).
     */
    public static final String JSON_CLASSPATH_LOCATION = "openapi/ha-api.json";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    /** Read once: the server names the operation of every request from these. */
    private final List<HttpOperation> httpOperations;
    private final List<NamedOperation> namedOperations;

    private HaContract(JsonNode document) {
        this.document = document;
        this.httpOperations = List.copyOf(readHttpOperations());
        this.namedOperations = List.copyOf(readNamedOperations());
    }

    private static volatile HaContract onClasspath;

    /** The bundle from the classpath, read once: it cannot change while the JVM runs. */
    public static HaContract load() {
        HaContract contract = onClasspath;
        if (contract == null) {
            synchronized (HaContract.class) {
                if (onClasspath == null) {
                    onClasspath = readClasspath();
                }
                contract = onClasspath;
            }
        }
        return contract;
    }

    private static HaContract readClasspath() {
        try (InputStream in = HaContract.class.getClassLoader().getResourceAsStream(JSON_CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(JSON_CLASSPATH_LOCATION + " is not on the classpath: build the openapi module");
            }
            return new HaContract(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HaContract load(Path bundle) {
        try {
            return new HaContract(new ObjectMapper(new YAMLFactory()).readTree(Files.newBufferedReader(bundle)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** One HTTP operation of the document. */
    public record HttpOperation(String operationId, String method, String pathTemplate, JsonNode node) {

        /** Whether a request path as sent (not decoded) is of this operation's shape. */
        public boolean matches(String requestMethod, String rawPath) {
            return method.equalsIgnoreCase(requestMethod)
                    && rawPath.matches(pathTemplate.replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+"));
        }
    }

    /**
     * One of the project's named operations, and the HTTP operation that carries it. Supporting operations (flavors,
     * configurations, instances, versions) are there so that links resolve; they are not among the 21.
     */
    public record NamedOperation(
            String name, String summary, HttpOperation carrier, Optional<String> action, boolean supporting) {}

    /**
     * One documented exchange: the request exactly as documented and the answer it documents.
     *
     * @param requestBody the request example of the same name, if the operation takes a body
     * @param responseBody the response example of the same name, empty when the documented answer has no body
     * @param notCompared JSON pointers into the response that a replay does not compare (values the service issues)
     */
    public record DocumentedExchange(
            String name,
            String operation,
            HttpOperation carrier,
            String source,
            Optional<String> seedTitle,
            String path,
            Map<String, String> headers,
            Optional<JsonNode> requestBody,
            int status,
            Optional<JsonNode> responseBody,
            List<String> notCompared) {

        public String method() {
            return carrier.method().toUpperCase(Locale.ROOT);
        }

        public boolean fromSeed() {
            return "seed".equals(source);
        }
    }

    public List<HttpOperation> httpOperations() {
        return httpOperations;
    }

    private List<HttpOperation> readHttpOperations() {
        List<HttpOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(new HttpOperation(op.path("operationId").asText(), method, path.getKey(), op));
                }
            }
        });
        return operations;
    }

    /** The project's 21 operations (without the supporting ones). */
    public List<NamedOperation> operations() {
        return namedOperations().stream().filter(op -> !op.supporting()).toList();
    }

    public List<NamedOperation> namedOperations() {
        return namedOperations;
    }

    private List<NamedOperation> readNamedOperations() {
        List<NamedOperation> named = new ArrayList<>();
        for (HttpOperation op : httpOperations) {
            for (JsonNode entry : op.node().path("x-operations")) {
                named.add(new NamedOperation(entry.path("name").asText(), entry.path("summary").asText(), op,
                        Optional.ofNullable(entry.get("action")).map(JsonNode::asText),
                        entry.path("supporting").asBoolean(false)));
            }
        }
        return named;
    }

    public List<DocumentedExchange> documentedExchanges() {
        List<DocumentedExchange> exchanges = new ArrayList<>();
        for (HttpOperation op : httpOperations()) {
            Iterator<Map.Entry<String, JsonNode>> requests = op.node().path("x-documented-requests").fields();
            while (requests.hasNext()) {
                Map.Entry<String, JsonNode> entry = requests.next();
                exchanges.add(exchange(op, entry.getKey(), entry.getValue()));
            }
        }
        return exchanges;
    }

    /**
     * The fault name each error status carries, as the document's Fault schemas say it (the single required
     * property of the status's response body), read from every operation's error responses.
     */
    public Map<Integer, String> faultNames() {
        Map<Integer, String> names = new java.util.TreeMap<>();
        for (HttpOperation op : httpOperations) {
            op.node().path("responses").fields().forEachRemaining(response -> {
                int status = Integer.parseInt(response.getKey());
                JsonNode schema = deref(deref(response.getValue()).path("content").path("application/json").path("schema"));
                if (status >= 400 && schema.path("required").size() == 1) {
                    names.put(status, schema.path("required").get(0).asText());
                }
            });
        }
        return Map.copyOf(names);
    }

    /** The HTTP operation a request is, by method and path; the most literal template wins (/flavors/{id}). */
    public Optional<HttpOperation> httpOperation(String method, String rawPath) {
        return httpOperations().stream().filter(op -> op.matches(method, rawPath))
                .min(java.util.Comparator.comparingInt(op -> op.pathTemplate().split("\\{").length));
    }

    /**
     * The named operation a request is: the HTTP operation's only one, or, where it carries several, the one the
     * body names (the action key; for the PATCH, an empty configuration id detaches).
     */
    public Optional<String> namedOperation(String operationId, JsonNode body) {
        List<NamedOperation> candidates = namedOperations().stream()
                .filter(op -> op.carrier().operationId().equals(operationId)).toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0).name());
        }
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        if (operationId.equals("updateHaInstance")) { // x-operations' "when": an empty id detaches
            boolean detach = body.path("ha_instance").path("configuration").asText("x").isEmpty();
            return Optional.of(detach ? "detachConfiguration" : "attachConfiguration");
        }
        String key = body.fieldNames().hasNext() ? body.fieldNames().next() : "";
        return candidates.stream().filter(op -> op.action().map(key::equals).orElse(false))
                .map(NamedOperation::name).findFirst();
    }

    public DocumentedExchange documentedExchange(String name) {
        return documentedExchanges().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no documented exchange named " + name));
    }

    private DocumentedExchange exchange(HttpOperation op, String name, JsonNode request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        int status = request.path("status").asInt();
        Optional<JsonNode> requestBody = example(op.node().path("requestBody"), name);
        Optional<JsonNode> responseBody = example(op.node().path("responses").path(String.valueOf(status)), name);
        List<String> notCompared = new ArrayList<>();
        request.path("notCompared").forEach(pointer -> notCompared.add(pointer.asText()));
        return new DocumentedExchange(name, request.path("operation").asText(), op, request.path("source").asText(),
                Optional.ofNullable(request.get("seedTitle")).map(JsonNode::asText), request.path("path").asText(),
                headers, requestBody, status, responseBody, List.copyOf(notCompared));
    }

    /** The value of the named example of a request body or response, following {@code #/components} refs. */
    private Optional<JsonNode> example(JsonNode bodyOrResponse, String name) {
        JsonNode example = deref(bodyOrResponse).path("content").path("application/json").path("examples").path(name);
        if (example.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(deref(example).path("value"));
    }

    /** Follows an internal {@code $ref} (the bundle has no other kind). */
    public JsonNode deref(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalStateException("not a bundled document: external $ref " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
