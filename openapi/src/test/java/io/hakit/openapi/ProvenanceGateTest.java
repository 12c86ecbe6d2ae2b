package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gate 6: provenance. Spectral's ha-provenance rule finds every rule of the bundle without a mark; this gate checks
 * that every mark points at something that exists: a seed section that says the quoted words, a Rackspace section
 * of docs/sources.md, a decision of docs/fidelity.md or docs/seed-discrepancies.md.
 */
class ProvenanceGateTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ProvenanceSources SOURCES = ProvenanceSources.read(KitPaths.ROOT);

    /** Every mark of a document with what is wrong with it, as "pointer: problem". */
    static List<String> problems(Path document) {
        List<String> problems = new ArrayList<>();
        int[] marks = {0};
        walk(read(document), "", (pointer, mark) -> {
            marks[0]++;
            SOURCES.problems(mark).forEach(problem -> problems.add(pointer + ": " + problem));
        });
        if (marks[0] == 0) {
            problems.add("no provenance marks at all");
        }
        return problems;
    }

    static int markCount(Path document) {
        int[] marks = {0};
        walk(read(document), "", (pointer, mark) -> marks[0]++);
        return marks[0];
    }

    private static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> onMark) {
        if (node.isObject()) {
            JsonNode marks = node.get("x-provenance");
            if (marks != null) {
                (marks.isArray() ? marks : YAML.createArrayNode().add(marks)).forEach(m -> onMark.accept(pointer, m));
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("x-provenance")) {
                    walk(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), onMark);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, onMark);
            }
        }
    }

    private static JsonNode read(Path document) {
        try {
            return YAML.readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyMarkOfTheBundlePointsAtWhatItNames() {
        assertThat(problems(KitPaths.BUNDLE)).isEmpty();
        assertThat(markCount(KitPaths.BUNDLE)).as("marks").isGreaterThan(150);
    }

    @Test
    void aQuoteTheSectionDoesNotHoldFails() {
        Path broken = BrokenDocuments.write("provenance-wrong-quote", d -> firstMark(d, "/components/schemas/HaName")
                .put("says", "The length should be limited to 64 characters."));
        assertThat(problems(broken)).anySatisfy(p -> assertThat(p)
                .startsWith("/components/schemas/HaName: the seed's section 'Create HA database instance' does not say"));
    }

    @Test
    void aQuoteFromAnotherSectionFails() {
        Path broken = BrokenDocuments.write("provenance-other-section", d -> firstMark(d, "/components/schemas/HaName")
                .put("seed", "Delete HA database instance"));
        assertThat(problems(broken)).anySatisfy(p -> assertThat(p).contains("'Delete HA database instance' does not say"));
    }

    @Test
    void anUnknownSeedSectionFails() {
        Path broken = BrokenDocuments.write("provenance-unknown-section", d -> firstMark(d, "/components/schemas/HaName")
                .put("seed", "Create an HA group"));
        assertThat(problems(broken)).anySatisfy(p -> assertThat(p).contains("the seed has no section 'Create an HA group'"));
    }

    @Test
    void anUnknownDecisionOrRackspaceSectionFails() {
        Path broken = BrokenDocuments.write("provenance-unknown-decision", d -> {
            firstMark(d, "/components/schemas/MemberStatus").put("kit", "K99");
            firstMark(d, "/components/schemas/HaState").put("rackspace", "HA statuses");
        });
        assertThat(problems(broken)).anySatisfy(p -> assertThat(p).contains("no decision 'K99'"))
                .anySatisfy(p -> assertThat(p).contains("no Rackspace section 'HA statuses'"));
    }

    @Test
    void spectralRejectsARuleWithoutAMarkAndAMalformedMark() {
        Path broken = BrokenDocuments.write("provenance-missing", d -> {
            BrokenDocuments.at(d, "/components/schemas/HaName").remove("x-provenance");
            firstMark(d, "/components/schemas/Cidr").remove("says");
            BrokenDocuments.at(d, BrokenDocuments.SHOW_HA).remove("x-provenance");
            BrokenDocuments.at(d, BrokenDocuments.SHOW_HA).put("description", "Shows a group; at most 3 a second.");
        });
        NodeTool.Result result = SpectralGateTest.lint(broken, KitPaths.OPENAPI.resolve("spectral/ruleset.yaml"));
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).contains("ha-provenance")
                .contains("maxLength has no provenance mark")
                .contains("a seed mark quotes the seed (says)")
                .contains("a rule in its description has no provenance mark");
    }

    /**
     * A bound written as "N or more" or "exactly N" is a rule as much as "at most N": the Flavor schema said "HA groups
     * take flavors of 1 GB RAM (1024 MB) or more" and HaInstanceSpec "a list of exactly one" with no mark at all, and
     * the reviewer's page showed neither a source nor a decision under them.
     */
    @Test
    void spectralRejectsAnUnmarkedOrMoreOrExactlyBound() {
        Path broken = BrokenDocuments.write("provenance-or-more", d -> {
            ObjectNode flavor = (ObjectNode) BrokenDocuments.at(d, "/components/schemas/Flavor");
            flavor.remove("x-provenance");
            flavor.put("description", "A hardware configuration. HA groups take flavors of 1 GB RAM or more.");
            ObjectNode spec = (ObjectNode) BrokenDocuments.at(d, "/components/schemas/HaInstanceSpec");
            spec.remove("x-provenance");
            spec.put("description", "A new HA group: one source (a list of exactly one) and one or two replicas.");
            spec.put("additionalProperties", true); // its one keyword rule gone, only the description states one
        });
        NodeTool.Result result = SpectralGateTest.lint(broken, KitPaths.OPENAPI.resolve("spectral/ruleset.yaml"));
        assertThat(result.passed()).as(result.output()).isFalse();
        assertThat(result.output()).contains("components.schemas.Flavor").contains("components.schemas.HaInstanceSpec")
                .contains("a rule in its description has no provenance mark");
    }

    private static ObjectNode firstMark(ObjectNode document, String pointer) {
        return (ObjectNode) document.at(pointer + "/x-provenance/0");
    }
}
