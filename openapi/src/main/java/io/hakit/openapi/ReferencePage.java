package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rendered reference: one HTML file that needs nothing else. Redoc's standalone browser bundle (the pinned npm
 * package, openapi/renderer) and the bundled document are inlined, Redoc routes with the URL's hash (so the
 * sidebar's links work from {@code file://} and from any server path), its telemetry is off, and the changes
 * against the baseline are a section of the page ("What changed", from {@link ChangeLog}).
 */
public final class ReferencePage {

    static final String CHANGES_TAG = "What changed";
    /**
     * The page's own promise that it needs no network, kept by the browser: inline scripts and styles, data: images
     * and fonts, blob: workers, and nothing fetched (Redoc's sidebar badge asks a CDN for its logo, and drops it
     * when the load fails).
     */
    static final String NO_NETWORK = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data: blob:; font-src data:; worker-src blob:; connect-src 'none'; base-uri 'none'; "
            + "form-action 'none'";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferencePage() {}

    /** The page's HTML for a bundle, a renderer script and the changelog's Markdown. */
    static String html(JsonNode bundle, String redocStandalone, String changesMarkdown) throws IOException {
        ObjectNode spec = bundle.deepCopy();
        addChangesSection(spec, changesMarkdown);
        String title = spec.path("info").path("title").asText("API reference");
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="%s">
                <title>%s: reference</title>
                <link rel="icon" href="data:,">
                </head>
                <body>
                <script type="application/json" id="ha-api-document">%s</script>
                <div id="redoc"></div>
                <script type="module">
                %s
                const documentText = document.getElementById('ha-api-document').textContent;
                init(JSON.parse(documentText), {router: 'hash', disableTelemetry: true},
                    document.getElementById('redoc'));
                </script>
                </body>
                </html>
                """.formatted(NO_NETWORK, escapeText(title), scriptSafeJson(spec), scriptSafe(redocStandalone));
    }

    /** A sidebar section that holds the changelog: a tag with no operations (Redoc's x-traitTag), grouped last. */
    private static void addChangesSection(ObjectNode spec, String changesMarkdown) {
        ObjectNode tag = ((ArrayNode) spec.withArray("tags")).addObject();
        tag.put("name", CHANGES_TAG);
        tag.put("x-traitTag", true);
        tag.put("description", "What this document changes in the API against the last released contract "
                + "(openapi/baseline/ha-api.yaml), as openapi-diff sees it.\n\n" + changesMarkdown);
        ObjectNode group = spec.withArray("x-tagGroups").addObject();
        group.put("name", "About this reference");
        group.putArray("tags").add(CHANGES_TAG);
    }

    /** A script element ends at the first {@code </script}; HTML comments inside it change how it is parsed. */
    private static String scriptSafe(String script) {
        return script.replace("</script", "<\\/script").replace("<!--", "<\\!--");
    }

    private static String scriptSafeJson(JsonNode value) throws IOException {
        return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Usage: {@code ReferencePage BUNDLE.yaml REDOC_STANDALONE.js CHANGES.md OUT.html [MORE_OUT.html ...]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: ReferencePage BUNDLE.yaml REDOC.js CHANGES.md OUT.html [...]");
        }
        Path renderer = Path.of(args[1]);
        if (!Files.isRegularFile(renderer)) {
            throw new IllegalStateException(renderer + " is missing: npm ci in openapi/renderer installs it");
        }
        String page = html(YAML.readTree(Path.of(args[0]).toFile()), Files.readString(renderer),
                Files.readString(Path.of(args[2])));
        for (int i = 3; i < args.length; i++) {
            Path out = Path.of(args[i]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, page);
        }
    }
}
