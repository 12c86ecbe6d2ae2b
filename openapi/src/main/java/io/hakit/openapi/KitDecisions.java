package io.hakit.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the kit's decisions that a provenance mark ({@code kit: K9}, {@code kit: discrepancy 1}) names, read at
 * build time from the files that define them, so that the reference page can carry it: the K-rules of
 * docs/fidelity.md (the items {@code - **K<n>.** ...} under "Decisions the document makes") and the numbered rows of
 * docs/seed-discrepancies.md (what the seed says, the decision, where the document says it). The docs stay the one
 * source: nothing here repeats their text.
 */
final class KitDecisions {

    /** A K-rule's item: its number, then its text up to the next item, a blank line or the end. */
    private static final Pattern RULE = Pattern.compile("(?m)^- \\*\\*(K\\d+)\\.\\*\\* (.*(?:\\n  .*)*)");
    /** A numbered row of the discrepancy table: | n | contradiction | decision | where |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (\\d+) \\|(.*)\\|\\s*$");
    private static final Pattern MARK = Pattern.compile("K\\d+|discrepancy \\d+");

    /** A decision as the page shows it: its mark ("K9", "discrepancy 1"), its title, and its text (Markdown). */
    record Decision(String mark, String title, String text) {}

    private final Map<String, Decision> decisions;

    private KitDecisions(Map<String, Decision> decisions) {
        this.decisions = decisions;
    }

    /** The decisions of {@code docs} (a repository's docs folder). */
    static KitDecisions read(Path docs) throws IOException {
        return of(Files.readString(docs.resolve("fidelity.md")), Files.readString(docs.resolve("seed-discrepancies.md")));
    }

    static KitDecisions of(String fidelity, String discrepancies) {
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Matcher rule = RULE.matcher(fidelity);
        while (rule.find()) {
            String mark = rule.group(1);
            add(decisions, new Decision(mark, mark, rule.group(2).replaceAll("\\n  ", " ").strip()));
        }
        Matcher row = ROW.matcher(discrepancies);
        while (row.find()) {
            String[] cells = row.group(2).split(" \\| ", -1);
            if (cells.length != 3) {
                throw new IllegalStateException("docs/seed-discrepancies.md: row " + row.group(1) + " has "
                        + (cells.length + 1) + " cells, not 4 (#, contradiction, decision, where)");
            }
            String mark = "discrepancy " + row.group(1);
            add(decisions, new Decision(mark, "Discrepancy " + row.group(1), "**What the seed says:** "
                    + cells[0].strip() + "\n\n**What the document does:** " + cells[1].strip() + "\n\n**Where:** "
                    + cells[2].strip()));
        }
        return new KitDecisions(decisions);
    }

    private static void add(Map<String, Decision> decisions, Decision decision) {
        if (decisions.put(decision.mark(), decision) != null) {
            throw new IllegalStateException("the docs define " + decision.mark() + " twice");
        }
    }

    /** The decision a mark names; the build stops on a mark that the docs do not define. */
    Decision get(String mark) {
        Decision decision = decisions.get(mark);
        if (decision == null) {
            throw new IllegalStateException("a provenance mark names " + mark + ", which "
                    + (mark.startsWith("K") ? "docs/fidelity.md" : "docs/seed-discrepancies.md") + " does not define"
                    + (MARK.matcher(mark).matches() ? "" : " (a mark is K<n> or \"discrepancy <n>\")"));
        }
        return decision;
    }

    /** Orders marks by kind (K-rules first) and number. */
    static int compare(String a, String b) {
        boolean ka = a.startsWith("K");
        boolean kb = b.startsWith("K");
        if (ka != kb) {
            return ka ? -1 : 1;
        }
        return Integer.compare(number(a), number(b));
    }

    private static int number(String mark) {
        String digits = mark.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    List<String> marks() {
        return new ArrayList<>(decisions.keySet());
    }
}
