package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bundles the multi-file document into one self-contained document.
 *
 * <p>The source follows one layout, and the bundling rule follows from it: a {@code $ref} to a file under
 * {@code paths/} is inlined where it stands (one file per operation, named by its operationId); a {@code $ref} to
 * {@code components/<type>/<file>.yaml#/<Name>} becomes {@code #/components/<type>/<Name>}, and the component is
 * copied there once. Redocly's bundler does the same, but building the server must not need Node, and the rule is
 * small enough to keep here, next to the checks the layout promises (file names match operationIds, component
 * names are unique).
 */
public final class OpenApiBundler {

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .stringQuotingChecker(new Yaml11SafeQuoting())
            .build()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private static final List<String> COMPONENT_TYPES = List.of(
            "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links",
            "callbacks");

    private final Path sourceRoot;
    private final Map<Path, JsonNode> files = new HashMap<>();
    /** type -> name -> where the component comes from. */
    private final Map<String, Map<String, Origin>> components = new LinkedHashMap<>();
    private final Deque<Component> pending = new ArrayDeque<>();

    private record Origin(Path file, String pointer) {}

    private record Component(String type, String name, Origin origin) {}

    private OpenApiBundler(Path rootDocument) {
        this.sourceRoot = rootDocument.toAbsolutePath().normalize().getParent();
    }

    /** Reads the root document and everything it refers to, and returns the bundled document. */
    public static ObjectNode bundle(Path rootDocument) {
        return new OpenApiBundler(rootDocument).run(rootDocument.toAbsolutePath().normalize());
    }

    /**
     * Usage: {@code OpenApiBundler ROOT.yaml OUT.yaml [MORE_OUT.yaml|OUT.json ...]}. The written bundle also carries
     * the reader's notes: what its x- facts say, in the text renderers show ({@link ReaderNotes}). An output named
     * *.json gets the same bundle as compact JSON: what programs read at start-up (a fifth of the YAML's parse time).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: OpenApiBundler ROOT.yaml OUT.yaml [MORE_OUT.yaml ...]");
        }
        ObjectNode bundled = bundle(Path.of(args[0]));
        ReaderNotes.addTo(bundled);
        String yaml = YAML.writeValueAsString(bundled);
        String json = new ObjectMapper().writeValueAsString(bundled);
        for (int i = 1; i < args.length; i++) {
            Path out = Path.of(args[i]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, out.toString().endsWith(".json") ? json : yaml);
        }
    }

    private ObjectNode run(Path rootFile) {
        ObjectNode bundled = (ObjectNode) resolve(read(rootFile), rootFile);
        ObjectNode componentsNode = bundled.has("components")
                ? (ObjectNode) bundled.get("components") : bundled.putObject("components");
        Map<String, Map<String, JsonNode>> resolved = new TreeMap<>();
        while (!pending.isEmpty()) {
            Component c = pending.pop();
            JsonNode node = resolve(at(c.origin()), c.origin().file());
            resolved.computeIfAbsent(c.type(), t -> new TreeMap<>()).put(c.name(), node);
        }
        for (String type : COMPONENT_TYPES) {
            Map<String, JsonNode> byName = resolved.get(type);
            if (byName == null) {
                continue;
            }
            ObjectNode typeNode = componentsNode.has(type)
                    ? (ObjectNode) componentsNode.get(type) : componentsNode.putObject(type);
            byName.forEach(typeNode::set);
        }
        return bundled;
    }

    /** A copy of {@code node} with every external reference bundled; {@code file} is where it was read. */
    private JsonNode resolve(JsonNode node, Path file) {
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(resolve(item, file)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            return resolveRef(ref.asText(), file);
        }
        ObjectNode copy = YAML.createObjectNode();
        node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), file)));
        return copy;
    }

    private JsonNode resolveRef(String ref, Path file) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        Path target = filePart.isEmpty() ? file : file.getParent().resolve(filePart).normalize();
        String componentType = componentType(target);
        if (componentType != null) {
            return componentRef(componentType, new Origin(target, pointer));
        }
        if (filePart.isEmpty()) {
            return YAML.createObjectNode().put("$ref", ref); // internal to the root document
        }
        JsonNode inlined = resolve(at(new Origin(target, pointer)), target);
        checkOperationFileName(target, inlined);
        return inlined;
    }

    private ObjectNode componentRef(String type, Origin origin) {
        String name = origin.pointer().substring(origin.pointer().lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new IllegalStateException("a component reference needs a #/Name fragment: " + origin.file());
        }
        Map<String, Origin> byName = components.computeIfAbsent(type, t -> new HashMap<>());
        Origin known = byName.putIfAbsent(name, origin);
        if (known == null) {
            pending.push(new Component(type, name, origin));
        } else if (!known.equals(origin)) {
            throw new IllegalStateException("two " + type + " are named " + name + ": " + known + " and " + origin);
        }
        return YAML.createObjectNode().put("$ref", "#/components/" + type + "/" + name);
    }

    /** {@code components/<type>/...} under the source root names the component type; anything else is inlined. */
    private String componentType(Path target) {
        Path relative = sourceRoot.relativize(target);
        if (relative.getNameCount() >= 3 && relative.getName(0).toString().equals("components")) {
            String type = relative.getName(1).toString();
            if (COMPONENT_TYPES.contains(type)) {
                return type;
            }
            throw new IllegalStateException("unknown component folder: " + relative);
        }
        return null;
    }

    private void checkOperationFileName(Path target, JsonNode operation) {
        Path relative = sourceRoot.relativize(target);
        if (!relative.getName(0).toString().equals("paths")) {
            return;
        }
        String expected = relative.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String operationId = operation.path("operationId").asText();
        if (!expected.equals(operationId)) {
            throw new IllegalStateException(relative + " holds operationId '" + operationId
                    + "': an operation file is named by its operationId");
        }
    }

    private JsonNode at(Origin origin) {
        JsonNode node = read(origin.file()).at(origin.pointer());
        if (node.isMissingNode()) {
            throw new IllegalStateException("dangling reference: " + origin.file() + "#" + origin.pointer());
        }
        return node;
    }

    private JsonNode read(Path file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return YAML.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }
}
