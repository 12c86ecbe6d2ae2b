package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rendered reference: one HTML file that needs nothing else. Redoc's standalone browser bundle (the pinned npm
 * package, openapi/renderer) and the bundled document are inlined, Redoc routes with the URL's hash (so the
 * sidebar's links work from {@code file://} and from any server path), its telemetry is off, its sidebar badge
 * draws no image from a CDN, and the changes against the baseline are a section of the page ("What changed", from
 * {@link ChangeLog}).
 */
public final class ReferencePage {

    static final String CHANGES_TAG = "What changed";
    private static final String ABOUT_GROUP = "About this reference";
    /** The sections that hold the text of the kit's decisions the document's marks name ({@link KitDecisions}). */
    static final String DECISIONS_TAG = "Decisions of the kit";
    static final String DISCREPANCIES_TAG = "Seed discrepancies";
    /**
     * The changelog's diffs (code blocks, {@link ChangeLogMarkdown}) wrap their long lines: Redoc's middle column is
     * narrow, and a change at the end of a long line would be out of sight. Redoc names the section by its tag.
     */
    private static final String CHANGES_STYLE = "#what-changed pre{white-space:pre-wrap;overflow-wrap:anywhere}";
    /**
     * The page's own promise that it needs no network, kept by the browser: inline scripts and styles, data: images
     * and fonts, blob: workers, and nothing fetched. The page must not rely on it: what the policy refuses is a
     * broken part of the page and an error in its console (the browser test fails on either).
     */
    static final String NO_NETWORK = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data: blob:; font-src data:; worker-src blob:; connect-src 'none'; base-uri 'none'; "
            + "form-action 'none'";
    /**
     * The images of Redoc's sidebar badge ("API docs by" and Redocly's logo, linked to Redocly's site), which Redoc
     * 3.0.1 loads from Redocly's CDN with no option to turn the badge off or point it elsewhere: the full logo, and
     * the small one of a collapsed sidebar. The page's policy refused the load, which left a broken image and a
     * console error on every load. Each address is replaced in the renderer with an inline image that says the same
     * name in text, so the badge still says whose renderer it is and the page asks for nothing.
     */
    static final Map<String, String> REMOTE_BADGE_IMAGES = Map.of(
            "https://cdn.redoc.ly/redoc/logo-mini-full.svg", textImage("Redocly", 44),
            "https://cdn.redoc.ly/redoc/logo-mini.svg", textImage("R", 9));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The element that holds the document the page renders (the renderer reads it from there). */
    private static final String DOCUMENT_START = "<script type=\"application/json\" id=\"ha-api-document\">";

    private ReferencePage() {}

    /**
     * A built page with its document changed: a server that serves the page lists itself among the document's
     * servers, as it does in the document it serves.
     */
    public static String withDocument(String page, java.util.function.UnaryOperator<ObjectNode> change) {
        int start = page.indexOf(DOCUMENT_START);
        int end = page.indexOf("</script>", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("not a reference page: it holds no " + DOCUMENT_START);
        }
        start += DOCUMENT_START.length();
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(page.substring(start, end));
            return page.substring(0, start) + scriptSafeJson(change.apply(document)) + page.substring(end);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The page's HTML for a bundle, a renderer script, the changelog's Markdown and the kit's decisions. */
    static String html(JsonNode bundle, String redocStandalone, String changesMarkdown, KitDecisions decisions)
            throws IOException {
        ObjectNode spec = bundle.deepCopy();
        addChangesSection(spec, changesMarkdown);
        addDecisionSections(spec, decisions);
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
                <style>%s</style>
                </head>
                <body>
                %s%s</script>
                <div id="redoc"></div>
                <script type="module">
                %s
                const documentText = document.getElementById('ha-api-document').textContent;
                init(JSON.parse(documentText), {router: 'hash', disableTelemetry: true},
                    document.getElementById('redoc'));
                </script>
                </body>
                </html>
                """.formatted(NO_NETWORK, escapeText(title), CHANGES_STYLE, DOCUMENT_START, scriptSafeJson(spec),
                scriptSafe(withInlineBadge(redocStandalone)));
    }

    /**
     * The renderer with its badge's images inline ({@link #REMOTE_BADGE_IMAGES}). Each address must be in the
     * renderer exactly once, and no address of that CDN may be left: a renderer that names them otherwise (another
     * Redoc) stops the build here, rather than giving a page that asks the network again.
     */
    static String withInlineBadge(String redocStandalone) {
        String script = redocStandalone;
        for (Map.Entry<String, String> image : REMOTE_BADGE_IMAGES.entrySet()) {
            String literal = "`" + image.getKey() + "`";
            int count = script.split(Pattern.quote(literal), -1).length - 1;
            if (count != 1) {
                throw new IllegalStateException("the renderer names " + image.getKey() + " " + count
                        + " times, not once: see ReferencePage.REMOTE_BADGE_IMAGES");
            }
            script = script.replace(literal, "`" + image.getValue() + "`");
        }
        if (script.contains("cdn.redoc.ly")) {
            throw new IllegalStateException("the renderer still names cdn.redoc.ly: see ReferencePage.REMOTE_BADGE_IMAGES");
        }
        return script;
    }

    /** A data: URI of an SVG image that shows {@code text} (the badge's 12 px high image; width in px at 12 px). */
    private static String textImage(String text, int width) {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"12\" viewBox=\"0 0 "
                + width + " 12\"><text x=\"0\" y=\"10\" font-family=\"sans-serif\" font-size=\"11\" "
                + "font-weight=\"600\" fill=\"#3b3d45\">" + text + "</text></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /** A sidebar section that holds the changelog: a tag with no operations (Redoc's x-traitTag), grouped last. */
    private static void addChangesSection(ObjectNode spec, String changesMarkdown) {
        ObjectNode tag = ((ArrayNode) spec.withArray("tags")).addObject();
        tag.put("name", CHANGES_TAG);
        tag.put("x-traitTag", true);
        tag.put("description", "What this document changes in the API against the last released contract "
                + "(openapi/baseline/ha-api.yaml), as openapi-diff sees it.\n\n" + changesMarkdown);
        aboutGroup(spec).add(CHANGES_TAG);
    }

    /**
     * The marks that name a decision of the kit ({@code kit: K9}, {@code kit: discrepancy 1}), each once, in order
     * (K-rules first, by number).
     */
    static List<String> kitMarks(JsonNode document) {
        Set<String> marks = new TreeSet<>(KitDecisions::compare);
        collectKitMarks(document, marks);
        return List.copyOf(marks);
    }

    private static void collectKitMarks(JsonNode node, Set<String> marks) {
        JsonNode provenance = node.get("x-provenance");
        if (provenance != null) {
            (provenance.isArray() ? provenance : JSON.createArrayNode().add(provenance)).forEach(mark -> {
                if (mark.has("kit")) {
                    marks.add(mark.get("kit").asText());
                }
            });
        }
        node.forEach(child -> collectKitMarks(child, marks));
    }

    /** A reference as {@link ReaderNotes#decisionReference} writes it, with the mark not a link. */
    private static final Pattern UNLINKED_REFERENCE = Pattern.compile(
            "\\((?:K\\d+|discrepancy \\d+), docs/(?:fidelity|seed-discrepancies)\\.md\\)");

    /** The route of the page's section that holds a decision's text: Redoc's hash route of its heading. */
    static String decisionRoute(KitDecisions.Decision decision) {
        return "#/" + slug(decision.mark().startsWith("K") ? DECISIONS_TAG : DISCREPANCIES_TAG) + "/"
                + slug(decision.title());
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * Two sections of the page, "Decisions of the kit" and "Seed discrepancies", that hold the text (from the docs)
     * of every decision the docs define, each under its own heading, and so its own route: a reviewer reading the
     * page offline has all of them, not only those a description names. Every mark in "Where this comes from" links
     * to its decision. A mark that the docs do not define stops the build, and so does a mark that
     * {@link ReaderNotes} did not write as {@link ReaderNotes#decisionReference} says (it would have no link).
     */
    private static void addDecisionSections(ObjectNode spec, KitDecisions decisions) {
        kitMarks(spec).forEach(decisions::get); // each mark defined
        List<KitDecisions.Decision> all = decisions.marks().stream().map(decisions::get).toList();
        Map<String, String> links = new LinkedHashMap<>();
        for (KitDecisions.Decision decision : all) {
            links.put(ReaderNotes.decisionReference(decision.mark(), decision.mark()), ReaderNotes.decisionReference(
                    decision.mark(), "[" + decision.mark() + "](" + decisionRoute(decision) + ")"));
        }
        List<String> unlinked = new ArrayList<>();
        linkDecisions(spec, links, unlinked);
        if (!unlinked.isEmpty()) {
            throw new IllegalStateException("descriptions name decisions that no mark names, so the page has no "
                    + "text for them: " + unlinked);
        }
        addDecisionSection(spec, DECISIONS_TAG, all.stream().filter(d -> d.mark().startsWith("K")).toList(),
                "The rules of the document that neither the seed nor Rackspace's wider docs state, which the kit "
                        + "decided: all of them, as docs/fidelity.md (\"Decisions the document makes\") words them. "
                        + "A \"Where this comes from\" of this reference that names one links to it.");
        addDecisionSection(spec, DISCREPANCIES_TAG, all.stream().filter(d -> !d.mark().startsWith("K")).toList(),
                "Every place where the seed contradicts itself, and what the document does, as "
                        + "docs/seed-discrepancies.md records it. A \"Where this comes from\" of this reference that "
                        + "names one links to it. Where the seed's prose, tables and wire examples disagree, that "
                        + "file's rule is that the wire examples win.");
    }

    /**
     * Replaces each key of {@code links} with its value in every description; a reference to a decision that is
     * left (one that {@link ReaderNotes} wrote for a mark this page did not collect) goes to {@code unlinked}.
     */
    private static void linkDecisions(JsonNode node, Map<String, String> links, List<String> unlinked) {
        if (node instanceof ObjectNode object && object.get("description") instanceof TextNode description) {
            String text = description.asText();
            for (Map.Entry<String, String> link : links.entrySet()) {
                text = text.replace(link.getKey(), link.getValue());
            }
            UNLINKED_REFERENCE.matcher(text).results().forEach(m -> unlinked.add(m.group()));
            object.put("description", text);
        }
        node.forEach(child -> linkDecisions(child, links, unlinked));
    }

    private static void addDecisionSection(ObjectNode spec, String name, List<KitDecisions.Decision> decisions,
            String intro) {
        if (decisions.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(intro).append('\n');
        for (KitDecisions.Decision decision : decisions) {
            text.append("\n## ").append(decision.title()).append("\n\n").append(decision.text()).append('\n');
        }
        ObjectNode tag = ((ArrayNode) spec.withArray("tags")).addObject();
        tag.put("name", name);
        tag.put("x-traitTag", true);
        tag.put("description", text.toString());
        aboutGroup(spec).add(name);
    }

    /** The tags of the sidebar's last group, "About this reference". */
    private static ArrayNode aboutGroup(ObjectNode spec) {
        for (JsonNode group : spec.withArray("x-tagGroups")) {
            if (group.path("name").asText().equals(ABOUT_GROUP)) {
                return (ArrayNode) group.get("tags");
            }
        }
        ObjectNode group = spec.withArray("x-tagGroups").addObject();
        group.put("name", ABOUT_GROUP);
        return group.putArray("tags");
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

    /**
     * Usage: {@code ReferencePage BUNDLE.yaml REDOC_STANDALONE.js CHANGES.md DOCS OUT.html [MORE_OUT.html ...]}, DOCS
     * the repository's docs folder (fidelity.md, seed-discrepancies.md).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: ReferencePage BUNDLE.yaml REDOC.js CHANGES.md DOCS OUT.html [...]");
        }
        Path renderer = Path.of(args[1]);
        if (!Files.isRegularFile(renderer)) {
            throw new IllegalStateException(renderer + " is missing: npm ci in openapi/renderer installs it");
        }
        String page = html(YAML.readTree(Path.of(args[0]).toFile()), Files.readString(renderer),
                Files.readString(Path.of(args[2])), KitDecisions.read(Path.of(args[3])));
        for (int i = 4; i < args.length; i++) {
            Path out = Path.of(args[i]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, page);
        }
    }
}
