package io.hakit.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * What the bundle changes in the API against the last released contract (openapi/baseline/ha-api.yaml), as
 * openapi-diff sees it: Markdown for the reference page and CI logs ({@link ChangeLogMarkdown}: the library's own
 * Markdown, told to show what it leaves out), and the same text as HTML for a browser. The breaking-change gate
 * judges the same comparison; this only writes it down for a person.
 */
public final class ChangeLog {

    static final String TITLE = "HA API: changes against the baseline";
    /** The HTML needs nothing but itself, as the reference page: its style inline, and a policy that says so. */
    private static final String HEAD = "<meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
            + "content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>" + TITLE + "</title>"
            + "<style>body{font-family:sans-serif;margin:2em;line-height:1.5;max-width:60em}"
            + "pre{background:#f6f8fa;padding:.5em 1em;white-space:pre-wrap;overflow-wrap:anywhere}code{font-size:.9em}</style>";

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

    /** The changes in Markdown, after a one-line verdict; no headings (see {@link ChangeLogMarkdown}). */
    public String markdown() {
        String verdict = unchanged() ? "No change against the baseline."
                : compatible() ? "Every change is **compatible** with the baseline."
                : "**Some changes break clients of the baseline** (released deliberately with a new baseline).";
        return (verdict + "\n\n" + ChangeLogMarkdown.of(diff).strip()).strip() + "\n";
    }

    /** The Markdown as a page of its own (any HTML in the document's text is shown as text). */
    public String html() {
        String body = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build()
                .render(Parser.builder().build().parse(markdown()));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head>" + HEAD + "</head><body><h1>" + TITLE + "</h1>\n" + body
                + "</body></html>\n";
    }

    /** Usage: {@code ChangeLog BASELINE.yaml BUNDLE.yaml OUT.md OUT.html}. */
    public static void main(String[] args) throws IOException {
        ChangeLog log = between(Path.of(args[0]), Path.of(args[1]));
        Files.writeString(Path.of(args[2]), log.markdown());
        Files.writeString(Path.of(args[3]), log.html());
    }
}
