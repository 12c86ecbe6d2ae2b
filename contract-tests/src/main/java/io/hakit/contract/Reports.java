package io.hakit.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What a run found, for its three readers: the console, a CI's test view (JUnit XML, one suite per operation and one
 * test case per check), a pull request (summary.md) and tools (report.json). Every text passes through the token
 * mask on its way out: no report holds a secret.
 */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** How many failures of one check of one operation are shown in full. */
    private static final int SHOWN = 3;
    /** GitHub refuses a comment longer than 65,536 characters: summary.md is written to be posted as one. */
    static final int SUMMARY_LIMIT = 65_536;
    /** Where the failures of summary.md stop, leaving room for the sections after them. */
    private static final int FAILURES_LIMIT = 50_000;
    /** The longest message or answer summary.md quotes (an answer may be a whole web page). */
    private static final int QUOTED_LIMIT = 1_500;

    private final GateRun.Result result;
    private final GateConfig config;
    private final Conformance conformance;

    public Reports(GateRun.Result result) {
        this.result = result;
        this.config = result.config();
        this.conformance = result.conformance();
    }

    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String operation : reportedOperations()) {
                Files.writeString(directory.resolve("TEST-gate." + fileName(operation) + ".xml"), masked(junit(operation)),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(directory.resolve("summary.md"), withinCommentLimit(masked(markdown())), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("report.json"), masked(JSON.writeValueAsString(json())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + directory, e);
        }
    }

    /** The per-operation table and the first failures, for the console. */
    public void print(PrintStream out) {
        out.println();
        out.println(masked(table()));
        List<Conformance.Failure> failures = failures();
        failures.stream().limit(10).forEach(f -> {
            out.println(masked("FAILED " + f.operation() + " / " + f.check() + ": " + f.message()));
            f.exchange().ifPresent(e -> out.println(masked("    repeat: " + e.curl())));
        });
        if (failures.size() > 10) {
            out.println("... and " + (failures.size() - 10) + " more (see the reports)");
        }
        unimplementedNotSelected().forEach(operation -> {
            Exchange e = conformance.unimplementedBy(operation).orElseThrow();
            out.println(masked("UNIMPLEMENTED " + operation + " (not selected, used by a scenario): " + e.method() + " "
                    + e.url() + " answered " + e.status()));
        });
        conformance.scenariosNotRun().forEach((scenario, why) -> out.println("NOT RUN: " + scenario + ": " + why));
        result.leftovers().forEach(l -> out.println("LEFT BEHIND: " + l));
        waitsSaid().forEach(line -> out.println(masked(line)));
        if (result.fuzz().cutShort()) {
            out.println("NOT SENT: negative testing" + fuzzCutShort());
        }
        out.println(masked(verdictLine()));
    }

    /**
     * The answers that asked for their request again later: how many the gate waited for and how long in all, and
     * each it did not wait for (the run's --retryAfterSeconds, or the negative testing's --fuzzSeconds, would have
     * been passed), which it judged as it was.
     */
    private List<String> waitsSaid() {
        List<Conformance.Wait> waits = conformance.waits();
        List<String> lines = new ArrayList<>();
        List<Conformance.Wait> waited = waits.stream().filter(Conformance.Wait::waited).toList();
        if (!waited.isEmpty()) {
            lines.add("WAITED: " + waited.size() + " answers asked for their request again later (413 or 503 with "
                    + "Retry-After): " + waited.stream().mapToLong(w -> w.asked().toSeconds()).sum() + " s of waits, "
                    + conformance.waitedInAll().toSeconds() + " s with the answers' own time, of the "
                    + config.retryAfterBound().toSeconds() + " s the run may spend (--retryAfterSeconds); the gate "
                    + "waited as asked and sent each again");
        }
        waits.stream().filter(w -> !w.waited()).forEach(w -> lines.add("NOT WAITED FOR: " + w.exchange().method() + " "
                + w.exchange().url() + " answered " + w.exchange().status() + " asking for " + w.asked().toSeconds()
                + " s, " + w.notWaitedBecause() + ": judged on that answer"));
        return lines;
    }

    /** What the negative testing did not send because its --fuzzSeconds budget was spent ("" if it sent all). */
    private String fuzzCutShort() {
        if (!result.fuzz().cutShort()) {
            return "";
        }
        return " (the " + config.fuzzBudget().toSeconds() + " s budget of --fuzzSeconds was spent: "
                + result.fuzz().alwaysNotSent() + " of the requests sent on every run and "
                + result.fuzz().generatedNotSent() + " generated ones were not sent)";
    }

    private String verdictLine() {
        return switch (result.outcome()) {
            case PASSED -> "GATE PASSED";
            case VIOLATED -> "GATE FAILED: the implementation violates the contract (seed " + config.seed() + ")";
            case UNREACHABLE, INPUT_REFUSED -> "GATE NOT RUN: " + result.notRun();
        };
    }

    // ---- the table --------------------------------------------------------------------------------------------

    /**
     * The operations the other reports hold ({@link #reportedOperations}: a failure of one --only did not select
     * fails the run too, and a table of the selected alone read "1 passed, 0 failed" above GATE FAILED), and a count
     * of the failures charged to no operation of the document, listed below it.
     */
    private String table() {
        StringBuilder text = new StringBuilder("Conformance to the HA API document, per operation:\n");
        Map<Conformance.Verdict, Integer> counts = new LinkedHashMap<>();
        Map<String, Conformance.Verdict> verdicts = conformance.verdicts(Set.copyOf(reportedOperations()));
        verdicts.forEach((operation, verdict) -> {
            counts.merge(verdict, 1, Integer::sum);
            int passedChecks = conformance.passedChecksOf(operation).values().stream().mapToInt(Integer::intValue).sum();
            text.append(String.format("  %-22s %-14s %5d checks passed, %d failed%s%n", operation, label(verdict),
                    passedChecks, conformance.failuresOf(operation).size(), conformance.whyBehaviourNotShown(operation)
                            .map(why -> " (its documented behaviour not shown: " + why + ")").orElse("")));
        });
        text.append(String.format("%d passed, %d failed, %d unimplemented, %d not exercised (of %d operations judged)",
                counts.getOrDefault(Conformance.Verdict.PASSED, 0), counts.getOrDefault(Conformance.Verdict.FAILED, 0),
                counts.getOrDefault(Conformance.Verdict.UNIMPLEMENTED, 0),
                counts.getOrDefault(Conformance.Verdict.NOT_EXERCISED, 0), verdicts.size()));
        long elsewhere = failures().stream().filter(f -> !conformance.operations().contains(f.operation())).count();
        if (elsewhere > 0) {
            text.append(String.format("; %d failed checks charged to no operation of the document (below)", elsewhere));
        }
        return text.toString();
    }

    private static String label(Conformance.Verdict verdict) {
        return verdict.name().toLowerCase().replace('_', ' ');
    }

    // ---- JUnit XML --------------------------------------------------------------------------------------------

    /**
     * Every failure that decided the outcome: the run fails on a failure of any operation (a scenario of a selected
     * one may show that another answers wrong), so the reports hold every one, not only those of --only's operations.
     * Reporting only the selected ones gave a failed run whose JUnit XML, summary.md and report.json showed none.
     */
    private List<Conformance.Failure> failures() {
        return conformance.failures(Set.copyOf(conformance.operations()));
    }

    /**
     * The selected operations and every other one that decided the outcome: one with a failure, and one that answered
     * as if it did not exist (the run fails on any: reported only when selected, a failed run's reports showed none).
     */
    private List<String> reportedOperations() {
        Set<String> operations = new TreeSet<>(config.selected());
        failures().forEach(f -> operations.add(f.operation()));
        operations.addAll(conformance.unimplementedOperations());
        return List.copyOf(operations);
    }

    /** Operations not selected that answered as if they did not exist. */
    private List<String> unimplementedNotSelected() {
        return conformance.unimplementedOperations().stream().filter(op -> !config.selected().contains(op)).sorted().toList();
    }

    private String junit(String operation) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            Conformance.Verdict verdict = conformance.verdict(operation);
            Set<String> checks = conformance.checksOf(operation);
            List<Conformance.Failure> failures = conformance.failuresOf(operation);
            boolean notExercised = config.selected().contains(operation) && verdict == Conformance.Verdict.NOT_EXERCISED;
            boolean unimplemented = verdict == Conformance.Verdict.UNIMPLEMENTED;
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "gate." + operation);
            xml.writeAttribute("tests", String.valueOf(checks.size() + (notExercised || unimplemented ? 1 : 0)));
            xml.writeAttribute("failures", String.valueOf(failures.stream().map(Conformance.Failure::check).distinct().count()
                    + (unimplemented || notExercised && config.requireAll() ? 1 : 0)));
            xml.writeAttribute("skipped", String.valueOf(notExercised && !config.requireAll() ? 1 : 0));
            xml.writeAttribute("errors", "0");
            xml.writeStartElement("properties");
            property(xml, "verdict", label(verdict));
            property(xml, "seed", String.valueOf(config.seed()));
            property(xml, "target", config.baseUrl().toString());
            xml.writeEndElement();
            for (String check : checks) {
                testcase(xml, operation, check);
                List<Conformance.Failure> ofCheck = failures.stream().filter(f -> f.check().equals(check)).toList();
                if (ofCheck.isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(conformance.passedChecksOf(operation).getOrDefault(check, 0) + " exchanges passed");
                    xml.writeEndElement();
                } else {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", check);
                    xml.writeAttribute("message", xmlText(ofCheck.get(0).message()));
                    xml.writeCharacters(xmlText(details(ofCheck)));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (unimplemented) {
                testcase(xml, operation, "implemented");
                xml.writeStartElement("failure");
                xml.writeAttribute("type", "unimplemented");
                Exchange exchange = conformance.unimplementedBy(operation).orElseThrow();
                xml.writeAttribute("message", xmlText("not implemented: " + exchange.method() + " " + exchange.url()
                        + " answered " + exchange.status()));
                xml.writeCharacters(xmlText(exchange(exchange)));
                xml.writeEndElement();
                xml.writeEndElement();
            } else if (notExercised) {
                testcase(xml, operation, "exercised");
                xml.writeStartElement(config.requireAll() ? "failure" : "skipped");
                xml.writeAttribute("message", xmlText("not exercised" + conformance.whyBehaviourNotShown(operation)
                        .map(why -> ": " + why).orElse("") + (config.requireAll() ? " (--require-all)" : "")));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /**
     * Text as XML 1.0 can hold it: the characters it forbids (control characters an answer may carry, a binary
     * body's bytes) written as \\uXXXX, or the report is not well-formed and a CI's test view drops it whole.
     */
    static String xmlText(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000 && c <= 0x10FFFF;
            if (allowed) {
                safe.appendCodePoint(c);
            } else {
                safe.append(String.format("\\u%04x", c));
            }
        });
        return safe.toString();
    }

    private static void testcase(XMLStreamWriter xml, String operation, String name) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "gate." + operation);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String details(List<Conformance.Failure> failures) {
        StringBuilder text = new StringBuilder();
        failures.stream().limit(SHOWN).forEach(f -> text.append(f.message()).append('\n')
                .append(f.exchange().map(Reports::exchange).orElse("")).append('\n'));
        if (failures.size() > SHOWN) {
            text.append("... and ").append(failures.size() - SHOWN).append(" more\n");
        }
        return text.toString();
    }

    private static String exchange(Exchange exchange) {
        StringBuilder text = new StringBuilder();
        if (exchange.rawRequest() != null) {
            text.append("sent (raw): ").append(exchange.rawRequest()).append('\n');
        } else {
            text.append("sent: ").append(exchange.method()).append(' ').append(exchange.url()).append('\n');
            exchange.requestHeaders().forEach((name, value) -> text.append("  ").append(name).append(": ").append(value).append('\n'));
            if (exchange.requestBody() != null) {
                text.append("  ").append(exchange.requestBody()).append('\n');
            }
        }
        text.append("answered: ").append(exchange.answerSummary()).append('\n');
        text.append("repeat: ").append(exchange.curl()).append('\n');
        return text.toString();
    }

    // ---- Markdown ---------------------------------------------------------------------------------------------

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## HA API contract gate: ").append(switch (result.outcome()) {
            case PASSED -> "passed";
            case VIOLATED -> "failed";
            case UNREACHABLE, INPUT_REFUSED -> "not run";
        }).append("\n\n");
        md.append("Target `").append(config.baseUrl()).append("`, account `").append(config.accountId())
                .append("`, seed `").append(config.seed()).append("` (repeat with `--seed=").append(config.seed())
                .append("`), ").append(result.took().toSeconds()).append(" s.\n\n");
        if (result.notRun() != null) {
            return md.append(result.notRun()).append('\n').toString();
        }
        md.append("Negative testing: ").append(result.fuzz().generated()).append(" generated requests and ")
                .append(result.fuzz().unauthenticated()).append(" without a valid token").append(fuzzCutShort())
                .append(". Edge probes: ").append(result.edgeProbes()).append(".\n\n");
        md.append("| operation | verdict | checks passed | failures |\n|---|---|---|---|\n");
        conformance.verdicts(config.selected()).forEach((operation, verdict) -> md.append("| ").append(operation)
                .append(" | ").append(verdict == Conformance.Verdict.PASSED ? "passed" : "**" + label(verdict) + "**"
                        + conformance.whyBehaviourNotShown(operation).map(why -> " (" + why + ")").orElse(""))
                .append(" | ").append(conformance.passedChecksOf(operation).values().stream().mapToInt(Integer::intValue).sum())
                .append(" | ").append(conformance.failuresOf(operation).size()).append(" |\n"));
        List<Conformance.Failure> failures = failures();
        if (!failures.isEmpty()) {
            md.append("\n### Failures\n");
            Map<String, List<Conformance.Failure>> grouped = new LinkedHashMap<>();
            failures.forEach(f -> grouped.computeIfAbsent(f.operation() + " · " + f.check(), k -> new ArrayList<>()).add(f));
            int[] left = {0};
            grouped.forEach((title, list) -> {
                if (md.length() > FAILURES_LIMIT) {
                    left[0] += list.size();
                    return;
                }
                md.append("\n#### ").append(title).append(" (").append(list.size()).append(")\n\n");
                list.stream().limit(SHOWN).forEach(f -> {
                    md.append(quoted(f.message())).append("\n\n");
                    f.exchange().ifPresent(e -> md.append("```sh\n").append(quoted(e.curl())).append("\n```\nanswered: `")
                            .append(quoted(e.answerSummary()).replace("`", "'")).append("`\n\n"));
                });
            });
            if (left[0] > 0) {
                md.append("\n").append(left[0]).append(" more failures are in report.json and the TEST-gate.*.xml files (this"
                        + " summary stays within a pull-request comment's length).\n");
            }
        }
        reportedOperations().forEach(operation -> {
            if (conformance.verdict(operation) == Conformance.Verdict.UNIMPLEMENTED) {
                Exchange e = conformance.unimplementedBy(operation).orElseThrow();
                md.append("\n**").append(operation).append("** is not implemented: `").append(e.method()).append(' ')
                        .append(e.url()).append("` answered ").append(e.status()).append(".\n");
            }
        });
        if (!conformance.scenariosNotRun().isEmpty()) {
            md.append("\n### Scenarios not run\n\n");
            conformance.scenariosNotRun().forEach((scenario, why) -> md.append("- ").append(scenario).append(": ")
                    .append(why).append('\n'));
        }
        if (!result.leftovers().isEmpty()) {
            md.append("\n### Left behind (delete by hand)\n\n");
            result.leftovers().forEach(l -> md.append("- ").append(l).append('\n'));
        }
        List<String> waits = waitsSaid();
        if (!waits.isEmpty()) {
            md.append("\n### Answers that asked for their request again later\n\n");
            waits.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    private static String quoted(String text) {
        if (text.length() <= QUOTED_LIMIT) {
            return text;
        }
        String kept = whole(text, QUOTED_LIMIT);
        return kept + " [... " + (text.length() - kept.length()) + " more characters in report.json]";
    }

    /** The first {@code length} chars, or one fewer where the cut would split a surrogate pair (no UTF-8 for half). */
    private static String whole(String text, int length) {
        return Character.isHighSurrogate(text.charAt(length - 1)) ? text.substring(0, length - 1) : text.substring(0, length);
    }

    /** The summary, cut where it would pass {@link #SUMMARY_LIMIT} (what follows the failures can be long too). */
    static String withinCommentLimit(String markdown) {
        String cut = "\n\n[The summary is cut here to stay within a pull-request comment's length: report.json has it"
                + " all.]\n";
        return markdown.length() <= SUMMARY_LIMIT ? markdown : whole(markdown, SUMMARY_LIMIT - cut.length()) + cut;
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    private ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("outcome", result.outcome().name().toLowerCase());
        root.put("target", config.baseUrl().toString());
        root.put("accountId", config.accountId());
        root.put("seed", config.seed());
        root.put("seconds", result.took().toSeconds());
        if (result.notRun() != null) {
            root.put(result.outcome() == GateRun.Outcome.UNREACHABLE ? "unreachable" : "inputRefused", result.notRun());
        }
        root.put("generatedRequests", result.fuzz().generated());
        root.put("unauthenticatedRequests", result.fuzz().unauthenticated());
        root.set("generatedByKind", JSON.valueToTree(result.fuzz().byKind()));
        root.put("alwaysSentRequestsNotSent", result.fuzz().alwaysNotSent());
        root.put("generatedRequestsNotSent", result.fuzz().generatedNotSent());
        root.put("edgeProbes", result.edgeProbes());
        root.set("scenariosNotRun", JSON.valueToTree(conformance.scenariosNotRun()));
        ObjectNode operations = root.putObject("operations");
        for (String operation : reportedOperations()) {
            ObjectNode entry = operations.putObject(operation);
            entry.put("verdict", label(conformance.verdict(operation)));
            conformance.whyBehaviourNotShown(operation).ifPresent(why -> entry.put("notExercisedBecause", why));
            ObjectNode checks = entry.putObject("checks");
            for (String check : conformance.checksOf(operation)) {
                checks.putObject(check).put("passed", conformance.passedChecksOf(operation).getOrDefault(check, 0))
                        .put("failed", conformance.failuresOf(operation).stream().filter(f -> f.check().equals(check)).count());
            }
            ArrayNode failures = entry.putArray("failures");
            for (Conformance.Failure failure : conformance.failuresOf(operation)) {
                ObjectNode f = failures.addObject().put("check", failure.check()).put("message", failure.message());
                failure.exchange().ifPresent(e -> {
                    ObjectNode request = f.putObject("request").put("method", e.method()).put("url", e.url())
                            .put("repeat", e.curl());
                    request.set("headers", JSON.valueToTree(e.requestHeaders()));
                    request.put("body", e.requestBody());
                    request.put("raw", e.rawRequest());
                    f.putObject("answer").put("status", e.status()).put("body", e.responseBody())
                            .set("headers", JSON.valueToTree(e.responseHeaders()));
                });
            }
        }
        root.set("leftovers", JSON.valueToTree(result.leftovers()));
        ArrayNode waits = root.putArray("retryAfter");
        for (Conformance.Wait wait : conformance.waits()) {
            waits.addObject().put("operation", wait.operation()).put("method", wait.exchange().method())
                    .put("url", wait.exchange().url()).put("status", wait.exchange().status())
                    .put("tookMillis", wait.took().toMillis()).put("askedSeconds", wait.asked().toSeconds())
                    .put("waited", wait.waited()).put("notWaitedBecause", wait.notWaitedBecause());
        }
        return root;
    }

    private String masked(String text) {
        return Secrets.masked(config, text);
    }

    private static String fileName(String operation) {
        return operation.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
