package io.hakit.openapi;

import static org.openapitools.openapidiff.core.model.Changed.result;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * openapi-diff's Markdown of the changes, extended at the renderer's protected methods where it says too little for a
 * reader of the changelog (on the reference page, in ha-api-changes.md, and in ha-api-changes.html, which is this
 * Markdown as HTML):
 *
 * <ul>
 *   <li>Every changed operation names what changed in it ({@code description changed}, {@code request body
 *       changed}, ...), before the library's details. The library compares an operation's description but its
 *       Markdown never shows it, so an operation whose only change was its description had an entry with nothing
 *       under it.
 *   <li>A changed description or summary, of an operation, of its request body or of a property, is shown as a
 *       diff of its lines against the baseline (the library shows the new text only, or nothing).
 *   <li>No headings: the reference page is Redoc's, which makes every heading of a section's Markdown an entry of
 *       the sidebar and a section of its own, so the library's headings (the API's title and version, "What's
 *       Changed", each operation, "Request:", "Result") were empty sections and odd sidebar entries. Titles are
 *       bold paragraphs, and the verdict is {@link ChangeLog}'s own line above this text.
 * </ul>
 */
final class ChangeLogMarkdown extends MarkdownRender {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    ChangeLogMarkdown() {
        setShowChangedMetadata(true);
    }

    /** The changes of {@code diff}, in Markdown without headings. */
    static String of(ChangedOpenApi diff) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new ChangeLogMarkdown().render(diff, new OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected void apiTitle(String title, String version, OutputStreamWriter out) {
        // The changelog is the document's, under ChangeLog's verdict: no title of its own.
    }

    @Override
    protected void changeSummary(String title, ChangedOpenApi diff, OutputStreamWriter out) {
        // ChangeLog's verdict says it above the changes.
    }

    @Override
    protected String sectionTitle(String title) {
        return "\n**" + title + "**\n\n";
    }

    @Override
    protected String titleH5(String title) {
        return "*" + title + "*\n\n";
    }

    /** A new, deleted or deprecated operation: an item of its section's list. */
    @Override
    protected String itemEndpoint(String method, String path, String summary) {
        return "* " + code(method) + " " + path + (summary == null || summary.isBlank() ? "" : ": " + summary.strip())
                + "\n";
    }

    @Override
    protected void listEndpoints(List<ChangedOperation> operations, OutputStreamWriter out) {
        if (operations == null || operations.isEmpty()) {
            return;
        }
        append(out, sectionTitle("What's Changed"));
        for (ChangedOperation operation : operations) {
            append(out, entry(operation));
        }
    }

    /** One changed operation: its method and path, what changed in it, then each change. */
    private String entry(ChangedOperation operation) {
        StringBuilder entry = new StringBuilder("**").append(code(operation.getHttpMethod().toString())).append(' ')
                .append(operation.getPathUrl()).append("**");
        String operationId = operation.getNewOperation().getOperationId();
        if (operationId != null) {
            entry.append(" (").append(operationId).append(')');
        }
        entry.append(": ").append(String.join(", ", changedParts(operation))).append(".\n\n");
        if (changed(operation.getSummary())) {
            entry.append(titleH5("Summary:")).append(textDiff("", operation.getSummary()));
        }
        if (changed(operation.getDescription())) {
            entry.append(titleH5("Description:")).append(textDiff("", operation.getDescription()));
        }
        if (result(operation.getOperationId()).isDifferent()) {
            entry.append(titleH5("Operation ID:")).append(operationId(operation.getOperationId()));
        }
        if (result(operation.getParameters()).isDifferent()) {
            entry.append(titleH5("Parameters:")).append(parameters(operation.getParameters()));
        }
        if (operation.resultRequestBody().isDifferent()) {
            ChangedRequestBody body = operation.getRequestBody();
            entry.append(titleH5("Request body:"));
            if (body.isChangeRequired()) {
                entry.append(body.getNewRequestBody() != null && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())
                        ? "Now required.\n\n" : "Now optional.\n\n");
            }
            if (changed(body.getDescription())) {
                entry.append("Description changed:\n\n").append(textDiff("", body.getDescription()));
            }
            entry.append(bodyContent(body.getContent()));
        }
        if (operation.resultApiResponses().isDifferent()) {
            entry.append(titleH5("Responses:")).append(responses(operation.getApiResponses()));
        }
        return entry.append('\n').toString();
    }

    /** The parts of an operation that changed, as a reader names them. */
    private static List<String> changedParts(ChangedOperation operation) {
        List<String> parts = new ArrayList<>();
        addIfChanged(parts, "summary changed", operation.getSummary());
        addIfChanged(parts, "description changed", operation.getDescription());
        addIfChanged(parts, "operation ID changed", operation.getOperationId());
        addIfChanged(parts, "parameters changed", operation.getParameters());
        if (operation.resultRequestBody().isDifferent()) {
            parts.add("request body changed");
        }
        addIfChanged(parts, "responses changed", operation.getApiResponses());
        addIfChanged(parts, "security requirements changed", operation.getSecurityRequirements());
        addIfChanged(parts, "extensions changed", operation.getExtensions());
        if (operation.isDeprecated()) {
            parts.add("deprecated");
        }
        if (parts.isEmpty()) {
            parts.add("changed in a way openapi-diff does not name");
        }
        return parts;
    }

    private static void addIfChanged(List<String> parts, String part, Changed changed) {
        if (result(changed).isDifferent()) {
            parts.add(part);
        }
    }

    /** A changed property: the library's line, and a diff of its description where that changed. */
    @Override
    protected String property(int deepness, String name, ChangedSchema schema) {
        if (!changed(schema.getDescription())) {
            return super.property(deepness, name, schema);
        }
        String type = schema.isChangedType() ? type(schema.getOldSchema()) + " -> " + type(schema.getNewSchema())
                : type(schema.getNewSchema());
        return indent(deepness) + "* Changed property " + code(name) + " (" + type + "): description changed\n\n"
                + textDiff(indent(deepness + 1), schema.getDescription()) + schema(deepness + 1, schema);
    }

    private static boolean changed(ChangedMetadata metadata) {
        return result(metadata).isDifferent();
    }

    /**
     * A fenced block of the unified diff of a text's lines, the baseline's against this document's, with a line of
     * context; every line starts with {@code indent}. The fence is longer than any run of backticks in the text, so
     * no line of it can close the block.
     */
    static String textDiff(String indent, ChangedMetadata text) {
        List<String> before = lines(text.getLeft());
        List<String> after = lines(text.getRight());
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("baseline", "this document", before,
                DiffUtils.diff(before, after), 1);
        int longest = 2;
        for (String line : diff) {
            Matcher run = BACKTICKS.matcher(line);
            while (run.find()) {
                longest = Math.max(longest, run.group().length());
            }
        }
        String fence = "`".repeat(longest + 1);
        StringBuilder block = new StringBuilder(indent).append(fence).append("diff\n");
        diff.forEach(line -> block.append(indent).append(line).append('\n'));
        return block.append(indent).append(fence).append("\n\n").toString();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.stripTrailing().split("\\R", -1));
    }

    private static void append(OutputStreamWriter out, String text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
