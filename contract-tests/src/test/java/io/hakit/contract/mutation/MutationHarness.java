package io.hakit.contract.mutation;

import io.hakit.contract.BrokenProxy;
import io.hakit.contract.Conformance;
import io.hakit.contract.GateConfig;
import io.hakit.contract.GateRun;
import io.hakit.contract.KitServers;
import io.hakit.contract.PollingWaiter;
import io.hakit.contract.Target;
import io.hakit.contract.api.RestHaApi;
import io.hakit.contract.mutation.Mutants.Kind;
import io.hakit.contract.mutation.Mutants.Mutant;
import io.hakit.openapi.HaContract;
import io.hakit.server.domain.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate's mutation score: every mutant the document gives ({@link Mutants}) put in front of a fresh reference
 * server, the gate run against it (judging the mutant's operation), and whether the gate failed ("killed"). Writes
 * docs/mutation.md: the share killed per kind and per operation, and every survivor with why.
 *
 * <pre>bash bench/mutation.sh [--sample N] [--seed S]   (the whole set takes about ten minutes on 2 cores)</pre>
 */
public final class MutationHarness {

    /** One mutant's fate. */
    public record Outcome(Mutant mutant, boolean killed, String killedBy, int applied, Duration took) {}

    static final Path SURVIVORS_DOC = Path.of("docs/mutation.md");
    private static final Pattern SURVIVOR_LINE = Pattern.compile("^- `(.+?)`");

    private MutationHarness() {}

    public static void main(String[] args) throws IOException {
        int sample = Integer.MAX_VALUE;
        long seed = 1;
        Path out = Path.of(System.getProperty("kit.root", "..")).resolve(SURVIVORS_DOC);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: MutationHarness [--sample N] [--seed S] [--out FILE]");
            }
        }
        List<Mutant> mutants = sample(Mutants.derive(KitServers.CONTRACT), sample, seed);
        List<Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (Mutant mutant : mutants) {
            Outcome outcome = run(mutant);
            outcomes.add(outcome);
            System.out.printf("%4d/%d %-8s %s%s%n", outcomes.size(), mutants.size(), outcome.killed() ? "killed" : "SURVIVED",
                    mutant.id(), outcome.killed() ? " (" + outcome.killedBy() + ")" : "");
        }
        Files.writeString(out, report(outcomes, Duration.ofNanos(System.nanoTime() - start), seed, sample), StandardCharsets.UTF_8);
        System.out.println("written: " + out.toAbsolutePath());
        System.exit(0); // the JDK HTTP servers of the proxies leave threads behind that would keep Maven's exec waiting
    }

    static List<Mutant> sample(List<Mutant> all, int size, long seed) {
        if (size >= all.size()) {
            return all;
        }
        List<Mutant> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, size);
    }

    /** One mutant against the gate: a fresh reference server, the mutant's proxy in front, the gate on its operations. */
    public static Outcome run(Mutant mutant) {
        long start = System.nanoTime();
        HaContract contract = KitServers.CONTRACT;
        MutantProxy breakage = new MutantProxy(mutant, contract, KitServers.TOKEN);
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE);
                BrokenProxy proxy = BrokenProxy.in(server.baseUri(), breakage)) {
            GateConfig config = server.config(proxy.uri(), "--only=" + String.join(",", judged(contract, mutant)),
                    "--fuzz=30", "--edge=off", "--requestTimeoutSeconds=5", "--seed=1");
            Target target = KitServers.target(config, new PollingWaiter(Duration.ofSeconds(10)),
                    (c, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), c, conformance));
            GateRun.Result result = GateRun.run(target, new PrintStream(OutputStream.nullOutputStream()));
            String killedBy = result.conformance().failures(Set.copyOf(result.conformance().operations())).stream()
                    .map(f -> f.operation() + " / " + f.check()).findFirst()
                    .orElse(result.conformance().verdicts().containsValue(Conformance.Verdict.UNIMPLEMENTED) ? "unimplemented" : "");
            return new Outcome(mutant, result.outcome() != GateRun.Outcome.PASSED, killedBy, breakage.applied(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The named operations the mutant's HTTP operation carries. */
    private static List<String> judged(HaContract contract, Mutant mutant) {
        return contract.operations().stream().filter(op -> op.carrier().operationId().equals(mutant.operationId()))
                .map(HaContract.NamedOperation::name).toList();
    }

    /** The mutants docs/mutation.md lists as survivors (each with its reason). */
    static Set<String> knownSurvivors(Path doc) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        if (!Files.exists(doc)) {
            return ids;
        }
        boolean inSurvivors = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("## ")) {
                inSurvivors = line.startsWith("## Survivors");
            }
            Matcher matcher = SURVIVOR_LINE.matcher(line);
            if (inSurvivors && matcher.find()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    /** Why a survivor could not be killed, where the document itself says so. */
    static String why(Outcome outcome) {
        Mutant mutant = outcome.mutant();
        if (outcome.applied() == 0) {
            return "never applied: no answer the gate received held " + (mutant.pointer().isEmpty() ? "the case"
                    : mutant.pointer()) + " (an empty list, an absent optional part), so no implementation could show it";
        }
        if (mutant.optionalField() && mutant.kind() != Kind.FIELD_RETYPED) {
            return "equivalent: the document lets an answer leave this optional field out, and answers are open to "
                    + "fields it does not name";
        }
        return "a check to add";
    }

    private static String report(List<Outcome> outcomes, Duration took, long seed, int sample) {
        StringBuilder md = new StringBuilder("# The gate's mutation score\n\n");
        md.append("Measured by `bash bench/mutation.sh` (contract-tests `MutationHarness`): every broken variant of the API "
                + "that the document gives (every field of every success answer of the 15 HTTP operations that carry the 21 "
                + "operations dropped, renamed and retyped; each success status swapped; authentication skipped per "
                + "operation; a refusal turned into the success), each put in front of a fresh reference server by a proxy, "
                + "and the gate run against it on the mutant's operations (scenarios and 30 generated requests; the edge "
                + "probes are measured apart, see the README). A mutant is killed when the gate fails.\n\n");
        long killed = outcomes.stream().filter(Outcome::killed).count();
        List<Outcome> survivors = outcomes.stream().filter(o -> !o.killed()).toList();
        long equivalent = survivors.stream().filter(o -> !why(o).equals("a check to add")).count();
        md.append(String.format("%d mutants%s, %d killed: **%.1f %%** of all, **%.1f %%** of those the document makes "
                + "detectable (%d survivors left out as equivalent or never applied). Took %d min.%n%n", outcomes.size(),
                sample == Integer.MAX_VALUE ? "" : " (a sample of " + sample + ", seed " + seed + ")", killed,
                100.0 * killed / outcomes.size(), 100.0 * killed / Math.max(1, outcomes.size() - equivalent), equivalent,
                took.toMinutes()));
        md.append("## By kind\n\n| kind | mutants | killed | score |\n|---|---|---|---|\n");
        table(outcomes, o -> o.mutant().kind().name().toLowerCase().replace('_', ' '), md);
        md.append("\n## By operation\n\n| HTTP operation | mutants | killed | score |\n|---|---|---|---|\n");
        table(outcomes, o -> o.mutant().operationId(), md);
        md.append("\n## Survivors\n\n");
        if (survivors.isEmpty()) {
            md.append("None.\n");
        }
        survivors.forEach(o -> md.append("- `").append(o.mutant().id()).append("`: ").append(o.mutant().description())
                .append(". ").append(why(o)).append(".\n"));
        return md.toString();
    }

    private static void table(List<Outcome> outcomes, java.util.function.Function<Outcome, String> key, StringBuilder md) {
        Map<String, int[]> rows = new TreeMap<>();
        outcomes.forEach(o -> {
            int[] row = rows.computeIfAbsent(key.apply(o), k -> new int[2]);
            row[0]++;
            row[1] += o.killed() ? 1 : 0;
        });
        rows.forEach((name, row) -> md.append(String.format("| %s | %d | %d | %.1f %% |%n", name, row[0], row[1],
                100.0 * row[1] / row[0])));
    }
}
