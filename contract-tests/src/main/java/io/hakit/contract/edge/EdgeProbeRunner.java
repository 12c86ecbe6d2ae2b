package io.hakit.contract.edge;

import io.hakit.contract.edge.EdgeProbe.Credential;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends probes one at a time (stalled ones side by side, since each waits for the server's timeout) and judges each
 * answer, with the state read before and after where the caller can read it.
 */
public final class EdgeProbeRunner {

    /** One probe's outcome. */
    public record Result(EdgeProbe probe, RawAnswer answer, List<EdgeJudge.Violation> violations) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    private final InetSocketAddress server;
    private final EdgeProbes catalogue;
    private final EdgeJudge judge;
    private final Duration bound;
    private final Duration stallBound;
    private final StateReads state;
    private final Runnable restore;
    private final java.util.function.Predicate<EdgeProbe> watched;
    private final Map<String, Integer> canonicalStatuses = new HashMap<>();

    /**
     * @param bound how long an answer may take
     * @param stallBound how long a stalled request may wait for its answer (the server's read timeout and some)
     * @param state how the server's state is read before and after each probe (null: not compared; a read of
     *     null: could not be read this time, so that probe's effect is not judged)
     * @param restore puts the state back after a probe that may change it (null: nothing to do)
     */
    public EdgeProbeRunner(InetSocketAddress server, EdgeProbes catalogue, EdgeJudge judge, Duration bound,
            Duration stallBound, StateReads state, Runnable restore) {
        this(server, catalogue, judge, bound, stallBound, state, restore, probe -> true);
    }

    /** @param watched the probes whose effect on the state is read (reading it costs requests) */
    public EdgeProbeRunner(InetSocketAddress server, EdgeProbes catalogue, EdgeJudge judge, Duration bound,
            Duration stallBound, StateReads state, Runnable restore, java.util.function.Predicate<EdgeProbe> watched) {
        this.server = server;
        this.catalogue = catalogue;
        this.judge = judge;
        this.bound = bound;
        this.stallBound = stallBound;
        this.state = state;
        this.restore = restore;
        this.watched = watched;
    }

    public List<Result> run(List<EdgeProbe> probes) {
        List<Result> results = new ArrayList<>();
        List<EdgeProbe> stalled = probes.stream().filter(p -> p.delivery() == RawHttp.Delivery.STALL).toList();
        for (EdgeProbe probe : probes) {
            if (probe.delivery() != RawHttp.Delivery.STALL) {
                results.add(runOne(probe));
            }
        }
        results.addAll(runStalled(stalled));
        return results;
    }

    private Result runOne(EdgeProbe probe) {
        int canonical = canonicalStatus(probe.route(), probe.credential());
        boolean watch = state != null && watched.test(probe);
        String before = watch ? state.before().get() : null;
        RawAnswer answer = RawHttp.exchange(server, probe.request(), probe.delivery(), bound, probe.mustClose());
        Boolean changed = watch && before != null ? differs(before, state.after().get()) : null;
        if (restore != null && (probe.mayChangeState() || Boolean.TRUE.equals(changed))) {
            restore.run(); // every probe starts from the same state
        }
        return new Result(probe, answer, judge.judge(probe, answer, canonical, changed));
    }

    /** Whether the state changed; null when either read failed (a rate limit or a timeout is not a change). */
    private static Boolean differs(String before, String after) {
        return before == null || after == null ? null : !before.equals(after);
    }

    /** Stalled probes wait for the server to give up on them: all at once, their state judged as a whole. */
    private List<Result> runStalled(List<EdgeProbe> stalled) {
        if (stalled.isEmpty()) {
            return List.of();
        }
        String before = state == null ? null : state.before().get();
        ExecutorService pool = Executors.newFixedThreadPool(stalled.size());
        try {
            List<Future<RawAnswer>> answers = new ArrayList<>();
            for (EdgeProbe probe : stalled) {
                answers.add(pool.submit(() -> RawHttp.exchange(server, probe.request(), probe.delivery(), stallBound)));
            }
            List<RawAnswer> done = new ArrayList<>();
            for (Future<RawAnswer> answer : answers) {
                done.add(answer.get());
            }
            Boolean changed = state == null || before == null ? null : differs(before, state.after().get());
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < stalled.size(); i++) {
                EdgeProbe probe = stalled.get(i);
                results.add(new Result(probe, done.get(i), judge.judge(probe, done.get(i),
                        canonicalStatus(probe.route(), probe.credential()), changed)));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the route's valid request answers with this credential; asked once, before any probe changes the state. */
    private int canonicalStatus(ProbeRoute route, Credential credential) {
        return canonicalStatuses.computeIfAbsent(route.operationId() + " " + route.path() + " " + credential, key -> {
            RawAnswer answer = RawHttp.exchange(server, catalogue.canonical(route, credential), RawHttp.Delivery.WHOLE, bound);
            if (!route.method().equals("GET") && restore != null) {
                restore.run();
            }
            return answer.outcome() == RawAnswer.Outcome.ANSWERED ? answer.status() : 0;
        });
    }
}
