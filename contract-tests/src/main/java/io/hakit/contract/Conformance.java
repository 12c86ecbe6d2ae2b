package io.hakit.contract;

import io.hakit.openapi.HaContract;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the gate saw of each of the document's 21 named operations: exchanges that conformed, and violations (an
 * answer outside the document, or a documented behaviour not shown). Thread-safe.
 */
public final class Conformance {

    public enum Verdict { PASSED, FAILED, NOT_EXERCISED }

    private final List<String> operations;
    private final Map<String, Integer> passed = new TreeMap<>();
    private final Map<String, List<String>> violations = new TreeMap<>();

    public Conformance(HaContract contract) {
        this.operations = contract.operations().stream().map(HaContract.NamedOperation::name).toList();
    }

    public synchronized void passed(String operation) {
        passed.merge(operation, 1, Integer::sum);
    }

    public synchronized void violated(String operation, String what) {
        violations.computeIfAbsent(operation, k -> new ArrayList<>()).add(what);
    }

    public synchronized Verdict verdict(String operation) {
        if (violations.containsKey(operation)) {
            return Verdict.FAILED;
        }
        return passed.containsKey(operation) ? Verdict.PASSED : Verdict.NOT_EXERCISED;
    }

    public synchronized boolean anyViolation() {
        return !violations.isEmpty();
    }

    public synchronized Map<String, Verdict> verdicts() {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        operations.forEach(op -> verdicts.put(op, verdict(op)));
        return verdicts;
    }

    public synchronized Map<String, List<String>> violations() {
        return Map.copyOf(violations);
    }

    public synchronized void print(PrintStream out) {
        out.println();
        out.println("Conformance to the HA API document, per operation:");
        for (String op : operations) {
            Verdict verdict = verdict(op);
            out.printf("  %-22s %-13s %3d exchanges ok%n", op, verdict.name().replace('_', ' ').toLowerCase(),
                    passed.getOrDefault(op, 0));
            violations.getOrDefault(op, List.of()).stream().distinct().limit(3).forEach(v -> out.println("      - " + v));
        }
        violations.keySet().stream().filter(op -> !operations.contains(op))
                .forEach(op -> violations.get(op).stream().distinct().limit(3).forEach(v -> out.println("  " + op + ": " + v)));
        Map<Verdict, Long> counts = new TreeMap<>();
        operations.forEach(op -> counts.merge(verdict(op), 1L, Long::sum));
        out.printf("%d passed, %d failed, %d not exercised (of %d operations)%n",
                counts.getOrDefault(Verdict.PASSED, 0L), counts.getOrDefault(Verdict.FAILED, 0L),
                counts.getOrDefault(Verdict.NOT_EXERCISED, 0L), operations.size());
    }
}
