package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a provenance mark may point at, read from the sources themselves: the seed's sections (the text under each
 * heading that ends in {@code #}), the Rackspace sections of docs/sources.md, and the kit's decisions (K<n> in
 * docs/fidelity.md, the numbered entries of docs/seed-discrepancies.md).
 */
final class ProvenanceSources {

    private static final Pattern SEED_HEADING = Pattern.compile("(?m)^(.+)#$");
    private static final Set<String> SEED_SUBHEADINGS = Set.of("Request", "Response");
    private static final Pattern RACKSPACE_HEADING = Pattern.compile("(?m)^### (.+)$");
    private static final Pattern DECISION = Pattern.compile("\\*\\*(K\\d+)\\.\\*\\*");
    private static final Pattern DISCREPANCY = Pattern.compile("(?m)^\\| (\\d+) \\|");

    /** Section title -> its text, whitespace collapsed. */
    private final Map<String, String> seedSections;
    private final Set<String> rackspaceSections;
    private final Set<String> decisions;

    private ProvenanceSources(Map<String, String> seedSections, Set<String> rackspaceSections, Set<String> decisions) {
        this.seedSections = seedSections;
        this.rackspaceSections = rackspaceSections;
        this.decisions = decisions;
    }

    static ProvenanceSources read(Path root) {
        String seed = text(root.resolve("docs/seed-ha-api-reference.txt"));
        String sources = text(root.resolve("docs/sources.md"));
        String rackspacePart = sources.substring(sources.indexOf("## Rackspace's wider docs"));
        Set<String> decisions = DECISION.matcher(text(root.resolve("docs/fidelity.md"))).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        DISCREPANCY.matcher(text(root.resolve("docs/seed-discrepancies.md"))).results()
                .forEach(m -> decisions.add("discrepancy " + m.group(1)));
        return new ProvenanceSources(seedSections(seed), RACKSPACE_HEADING.matcher(rackspacePart).results()
                .map(m -> m.group(1).strip()).collect(Collectors.toSet()), decisions);
    }

    /** What is wrong with one mark, if anything. */
    List<String> problems(JsonNode mark) {
        List<String> problems = new ArrayList<>();
        if (mark.has("seed")) {
            String section = mark.get("seed").asText();
            String says = normalise(mark.path("says").asText());
            if (!seedSections.containsKey(section)) {
                problems.add("the seed has no section '" + section + "'");
            } else if (says.isEmpty() || !seedSections.get(section).contains(says)) {
                problems.add("the seed's section '" + section + "' does not say: " + says);
            }
        } else if (mark.has("rackspace")) {
            String section = mark.get("rackspace").asText();
            if (!rackspaceSections.contains(section)) {
                problems.add("docs/sources.md has no Rackspace section '" + section + "'");
            }
        } else if (mark.has("kit")) {
            String decision = mark.get("kit").asText();
            if (!decisions.contains(decision)) {
                problems.add("no decision '" + decision + "' in docs/fidelity.md or docs/seed-discrepancies.md");
            }
        } else {
            problems.add("a mark names the seed, rackspace or kit");
        }
        return problems;
    }

    private static Map<String, String> seedSections(String seed) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = SEED_HEADING.matcher(seed);
        String title = null;
        int start = 0;
        while (heading.find()) {
            if (SEED_SUBHEADINGS.contains(heading.group(1).strip())) {
                continue;
            }
            if (title != null) {
                sections.put(title, normalise(seed.substring(start, heading.start())));
            }
            title = heading.group(1).strip();
            start = heading.end();
        }
        if (title != null) {
            sections.put(title, normalise(seed.substring(start)));
        }
        return sections;
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
