package io.hakit.contract;

import io.hakit.openapi.HaContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the gate saw of each of the document's 21 named operations, check by check: exchanges that conformed, and
 * failures, each charged to the operation it concerns with the exchange that shows it. An operation that answers
 * its documented request 501, 405, or a 404 that is not a Fault, is unimplemented rather than failed; but one that
 * has shown it is implemented (it answered a success) and answers a 404 that is not a Fault fails error_body: its
 * fault is wrong, the operation is there. Thread-safe.
 */
public final class Conformance {

    public enum Verdict { PASSED, FAILED, UNIMPLEMENTED, NOT_EXERCISED }

    /** One failure: the operation, the check (named as Schemathesis names its checks where one matches), what was seen. */
    public record Failure(String operation, String check, String message, Optional<Exchange> exchange) {}

    /**
     * An answer that asked for its request to be sent again later ({@link RetryAfter}): how long it took to come,
     * how long it asked to wait, and whether the gate did; if not, which bound the wait would have passed
     * ({@code notWaitedBecause}: the run's --retryAfterSeconds, or the negative testing's --fuzzSeconds), and it was
     * judged on this answer.
     */
    public record Wait(String operation, Exchange exchange, java.time.Duration took, java.time.Duration asked,
            boolean waited, String notWaitedBecause) {

        /** What it costs the run: the wait, and the time the answer took (a slow answer that asks is no cheaper). */
        public java.time.Duration charged() {
            return took.plus(asked);
        }
    }

    /** Failures are charged to this when no operation is known (the target unreachable, a scenario's own setup). */
    public static final String NO_OPERATION = "(no operation)";

    private final List<String> operations;
    private final Map<String, Map<String, Integer>> passed = new TreeMap<>();
    private final Map<String, List<Failure>> failures = new TreeMap<>();
    private final Map<String, Exchange> unimplemented = new TreeMap<>();
    /** Operations that answered a success at least once: a 404 that is not a Fault is then a wrong fault. */
    private final Set<String> implemented = new TreeSet<>();
    /** Operations whose documented behaviour no scenario could show (an input was not given), and why. */
    private final Map<String, String> behaviourNotShown = new TreeMap<>();
    /** Scenarios of no one operation (isolation) that could not run, and why. */
    private final Map<String, String> scenariosNotRun = new TreeMap<>();
    private final List<Wait> waits = new ArrayList<>();
    private volatile Exchange last;
    /** The Fault each error status carries, as the document names it. */
    private final Map<Integer, String> faultNames;

    public Conformance(HaContract contract) {
        this.operations = contract.operations().stream().map(HaContract.NamedOperation::name).toList();
        this.faultNames = contract.faultNames();
    }

    public List<String> operations() {
        return operations;
    }

    public synchronized void passed(String operation, String check) {
        passed.computeIfAbsent(operation, k -> new TreeMap<>()).merge(check, 1, Integer::sum);
    }

    public synchronized void violated(Failure failure) {
        failures.computeIfAbsent(failure.operation(), k -> new ArrayList<>()).add(failure);
    }

    public void violated(String operation, String check, String message, Exchange exchange) {
        violated(new Failure(operation, check, message, Optional.ofNullable(exchange)));
    }

    /**
     * The operation answered as if it did not exist (501, 405, a 404 that is not a Fault). A 404 of an operation seen
     * implemented is charged as its wrong fault instead ({@link #implemented}); true if it was.
     */
    public synchronized boolean unimplemented(String operation, Exchange exchange) {
        if (exchange != null && exchange.status() == 404 && implemented.contains(operation)) {
            violated(wrongNotFound(operation, exchange));
            return true;
        }
        unimplemented.putIfAbsent(operation, exchange);
        return false;
    }

    /**
     * The operation answered a success: it is implemented. A 404 that is not a Fault it answered before is no longer
     * read as "unimplemented" but charged as the wrong fault it is.
     */
    public synchronized void implemented(String operation) {
        if (implemented.add(operation)) {
            Exchange bare = unimplemented.get(operation);
            if (bare != null && bare.status() == 404) {
                unimplemented.remove(operation);
                violated(wrongNotFound(operation, bare));
            }
        }
    }

    private Failure wrongNotFound(String operation, Exchange exchange) {
        String body = exchange.responseBody() == null ? "" : exchange.responseBody();
        String fault = faultNames.get(404);
        String problem = AnswerChecks.faultProblem(404, body, faultNames).orElse("not the " + fault + " Fault");
        return new Failure(operation, "error_body", exchange.method() + " " + exchange.url() + " answered 404 without the "
                + fault + " Fault: " + problem + ". The operation is implemented (it answered a success elsewhere in"
                + " the run): its 404 is wrong, it is not missing", Optional.of(exchange));
    }

    /**
     * The operation's documented behaviour could not be shown (its scenario lacked an input of the gate's caller):
     * the operation is not exercised, whatever its other checks (refusals, edge probes) passed.
     */
    public synchronized void behaviourNotShown(String operation, String reason) {
        behaviourNotShown.putIfAbsent(operation, reason);
    }

    public synchronized Optional<String> whyBehaviourNotShown(String operation) {
        return Optional.ofNullable(behaviourNotShown.get(operation));
    }

    public synchronized void scenarioNotRun(String scenario, String reason) {
        scenariosNotRun.putIfAbsent(scenario, reason);
    }

    public synchronized Map<String, String> scenariosNotRun() {
        return Map.copyOf(scenariosNotRun);
    }

    public synchronized void asked(Wait wait) {
        waits.add(wait);
    }

    /** The answers that asked to be sent again later, in the order they came. */
    public synchronized List<Wait> waits() {
        return List.copyOf(waits);
    }

    /** What the answers the run waited for have cost it, in all: the waits, and the time those answers took. */
    public synchronized java.time.Duration waitedInAll() {
        return waits.stream().filter(Wait::waited).map(Wait::charged).reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    }

    /**
     * Whether the run may wait for an answer that took {@code took} and asks for {@code asked}: what such answers
     * have cost it, this one included, stays within {@code bound} (--retryAfterSeconds).
     */
    public synchronized boolean mayWait(java.time.Duration took, java.time.Duration asked, java.time.Duration bound) {
        return waitedInAll().plus(took).plus(asked).compareTo(bound) <= 0;
    }

    /** Why an answer that asked was not waited for, when the run's bound was what stopped it. */
    public static String pastTheRunsBound(java.time.Duration bound) {
        return "past the " + bound.toSeconds() + " s the run may wait (--retryAfterSeconds)";
    }

    /** The last exchange of the run: what a failure with no operation of its own is charged to. */
    public void sent(Exchange exchange) {
        last = exchange;
    }

    public Optional<Exchange> lastExchange() {
        return Optional.ofNullable(last);
    }

    public synchronized Verdict verdict(String operation) {
        if (unimplemented.containsKey(operation)) {
            return Verdict.UNIMPLEMENTED;
        }
        if (failures.containsKey(operation)) {
            return Verdict.FAILED;
        }
        return passed.containsKey(operation) && !behaviourNotShown.containsKey(operation) ? Verdict.PASSED
                : Verdict.NOT_EXERCISED;
    }

    public synchronized Map<String, Verdict> verdicts(Set<String> selected) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        operations.stream().filter(selected::contains).forEach(op -> verdicts.put(op, verdict(op)));
        return verdicts;
    }

    public synchronized Map<String, Verdict> verdicts() {
        return verdicts(Set.copyOf(operations));
    }

    /** Every failure of the selected operations, and those charged to no operation of the 21. */
    public synchronized List<Failure> failures(Set<String> selected) {
        List<Failure> all = new ArrayList<>();
        failures.forEach((operation, list) -> {
            if (selected.contains(operation) || !operations.contains(operation)) {
                all.addAll(list);
            }
        });
        return all;
    }

    public synchronized List<Failure> failuresOf(String operation) {
        return List.copyOf(failures.getOrDefault(operation, List.of()));
    }

    public synchronized Map<String, Integer> passedChecksOf(String operation) {
        return Map.copyOf(passed.getOrDefault(operation, Map.of()));
    }

    /** Every check that ran against the operation, passed or failed. */
    public synchronized Set<String> checksOf(String operation) {
        Set<String> checks = new TreeSet<>(passed.getOrDefault(operation, Map.of()).keySet());
        failures.getOrDefault(operation, List.of()).forEach(f -> checks.add(f.check()));
        return checks;
    }

    /** Every operation that answered as if it did not exist, selected or not. */
    public synchronized Set<String> unimplementedOperations() {
        return Set.copyOf(unimplemented.keySet());
    }

    public synchronized Optional<Exchange> unimplementedBy(String operation) {
        return Optional.ofNullable(unimplemented.get(operation));
    }

    public synchronized boolean anyViolation(Set<String> selected) {
        return !failures(selected).isEmpty() || unimplemented.keySet().stream().anyMatch(selected::contains);
    }

    public synchronized boolean anyViolation() {
        return anyViolation(Set.copyOf(operations));
    }

    /** Failures by operation, as the kit's suites assert them. */
    public synchronized Map<String, List<String>> violations() {
        Map<String, List<String>> violations = new TreeMap<>();
        failures.forEach((operation, list) -> violations.put(operation, list.stream().map(Failure::message).toList()));
        unimplemented.forEach((operation, exchange) -> violations.computeIfAbsent(operation, k -> new ArrayList<>())
                .add("unimplemented: " + exchange.method() + " " + exchange.url() + " answered " + exchange.answerSummary()));
        return violations;
    }
}
