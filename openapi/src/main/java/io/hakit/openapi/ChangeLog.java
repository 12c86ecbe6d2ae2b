package io.hakit.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * What the bundle changes in the API against the last released contract (openapi/baseline/ha-api.yaml), as
 * openapi-diff renders it: Markdown for the reference page and CI logs, HTML for a browser. The breaking-change gate
 * judges the same comparison; this only writes it down for a person.
 */
public final class ChangeLog {

    /** openapi-diff's HTML links a stylesheet on a web server; the page must need no network. */
    private static final String STYLE = "<style>body{font-family:sans-serif;margin:2em;line-height:1.5}"
            + "ol{padding-left:1.5em}.comment{color:#555}.missing{color:#b00}</style>";

    private final ChangedOpenApi diff;

    private ChangeLog(ChangedOpenApi diff) {
        this.diff = diff;
    }

    public static ChangeLog between(Path baseline, Path bundle) {
        return new ChangeLog(OpenApiCompare.fromLocations(baseline.toUri().toString(), bundle.toUri().toString()));
    }

    public boolean compatible() {
        return !diff.isIncompatible();
    }

    public boolean unchanged() {
        return diff.isUnchanged();
    }

    /** The changes in Markdown, under a heading and a one-line verdict. */
    public String markdown() {
        String verdict = unchanged() ? "No change against the baseline."
                : compatible() ? "Every change is **compatible** with the baseline."
                : "**Some changes break clients of the baseline** (released deliberately with a new baseline).";
        return verdict + "\n\n" + render(new MarkdownRender()).strip() + "\n";
    }

    public String html() {
        String html = render(new HtmlRender("HA API: changes against the baseline", ""));
        return html.replaceFirst("<link[^>]*>", STYLE);
    }

    /** Usage: {@code ChangeLog BASELINE.yaml BUNDLE.yaml OUT.md OUT.html}. */
    public static void main(String[] args) throws IOException {
        ChangeLog log = between(Path.of(args[0]), Path.of(args[1]));
        Files.writeString(Path.of(args[2]), log.markdown());
        Files.writeString(Path.of(args[3]), log.html());
    }

    private String render(Render render) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            render.render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
