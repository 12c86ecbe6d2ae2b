package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;

/**
 * The changelog (the reference page's "What changed", ha-api-changes.md and .html) says what changed in every
 * changed operation. openapi-diff's own renderers left an entry with nothing under it for an operation whose only
 * change was its description (addHaAcl's, against the released baseline), and their headings became empty sections
 * and odd sidebar entries on the page.
 */
class ChangeLogTest {

    /** An HTML element with nothing in it: an empty list, heading, paragraph or item. */
    private static final Pattern EMPTY_ELEMENT = Pattern.compile("<(ul|ol|li|p|h[1-6]|blockquote|span|div)\\b[^>]*>\\s*</\\1>");

    @Test
    void everyChangedOperationOfTheBundleSaysWhatChanged() {
        ChangeLog log = ChangeLog.between(KitPaths.BASELINE, KitPaths.BUNDLE);
        ChangedOpenApi diff = BreakingChangeGateTest.compareWithBaseline(KitPaths.BUNDLE);
        assertSaysWhatChanged(log, diff);
    }

    @Test
    void anOperationWhoseOnlyChangeIsItsDescriptionShowsTheBaselinesLinesAndTheNewOnes() {
        String[] firstLine = new String[1];
        Path edited = BrokenDocuments.write("description-edited", KitPaths.BASELINE, d -> {
            String description = BrokenDocuments.at(d, BrokenDocuments.SHOW_HA).path("description").asText();
            firstLine[0] = description.lines().findFirst().orElseThrow();
            BrokenDocuments.at(d, BrokenDocuments.SHOW_HA).put("description",
                    description.replaceFirst(Pattern.quote(firstLine[0]), firstLine[0] + " (edited)"));
        });
        ChangeLog log = ChangeLog.between(KitPaths.BASELINE, edited);
        ChangedOpenApi diff = BreakingChangeGateTest.compareWithBaseline(edited);
        assertThat(diff.getChangedOperations()).hasSize(1);
        assertSaysWhatChanged(log, diff);
        String entry = entries(log.markdown(), diff).get("`GET` /{version}/{accountId}/ha/{haId}");
        assertThat(entry).contains("description changed").contains("\n-" + firstLine[0] + "\n")
                .contains("\n+" + firstLine[0] + " (edited)\n");
        assertThat(log.html()).contains("description changed").contains("\n+" + escape(firstLine[0]) + " (edited)\n");
    }

    /**
     * Every changed operation has an entry with something under it, in the Markdown and in the HTML; the Markdown has
     * no heading (on the page each would be a sidebar entry and a section of its own) and the HTML no empty element.
     */
    private static void assertSaysWhatChanged(ChangeLog log, ChangedOpenApi diff) {
        String markdown = log.markdown();
        Map<String, String> entries = entries(markdown, diff);
        assertThat(entries.keySet()).as("changed operations named").hasSize(diff.getChangedOperations().size());
        entries.forEach((operation, entry) -> assertThat(entry.lines().skip(1)
                .anyMatch(line -> line.replaceAll("[#*_`>\\-\\s]", "").length() > 0))
                .as("what changed in %s, in:%n%s", operation, markdown).isTrue());
        assertThat(headings(markdown)).as("headings in:%n%s", markdown).isEmpty();
        Matcher empty = EMPTY_ELEMENT.matcher(log.html());
        assertThat(empty.find() ? empty.group() : null).as("an empty element in the HTML").isNull();
        diff.getChangedOperations().forEach(op -> assertThat(log.html())
                .contains(op.getHttpMethod() + "</code> " + op.getPathUrl() + "</strong>"));
    }

    /**
     * Each changed operation's entry: from the line that names its method and path to the line that names the next
     * one's (or the end), whatever the renderer's layout.
     */
    private static Map<String, String> entries(String markdown, ChangedOpenApi diff) {
        List<String> names = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (ChangedOperation op : diff.getChangedOperations()) {
            String name = "`" + op.getHttpMethod() + "` " + op.getPathUrl();
            names.add(name);
            patterns.add(Pattern.compile(Pattern.quote(name) + "(?![\\w/{}])"));
        }
        List<String> lines = markdown.lines().toList();
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        StringBuilder entry = new StringBuilder();
        for (String line : lines) {
            String starts = null;
            for (int i = 0; i < names.size(); i++) {
                if (patterns.get(i).matcher(line).find()) {
                    starts = names.get(i);
                }
            }
            if (starts != null) {
                if (current != null) {
                    entries.put(current, entry.toString());
                }
                current = starts;
                entry.setLength(0);
            }
            if (current != null) {
                entry.append(line).append('\n');
            }
        }
        if (current != null) {
            entries.put(current, entry.toString());
        }
        return entries;
    }

    private static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add("level " + heading.getLevel() + " at " + heading.getFirstChild());
            }
        });
        return headings;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
