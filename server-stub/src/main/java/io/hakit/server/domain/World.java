package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import io.hakit.server.store.HaStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulated service's state and the one lock around it. Every domain operation runs inside {@link #locked},
 * which first completes the transitions that the clock has reached, so that what a request sees is always up to
 * date; there are no background threads. One lock makes every conflicting change have exactly one winner.
 */
public final class World {

    private final ReentrantLock lock = new ReentrantLock();
    private final HaStore store;
    private final EmulatorClock clock;
    private final Durations durations;
    private final String region;
    private final Transitions transitions;
    private Catalog catalog = new Catalog(false);
    private Limits defaultLimits = Limits.NONE;
    /** Whether any account may have rate limits: while none has, requests skip the rate limiter's lock. */
    private volatile boolean rateLimits;
    private long nextId = 1;

    public World(HaStore store, EmulatorClock clock, Durations durations, String region) {
        this.store = store;
        this.clock = clock;
        this.durations = durations;
        this.region = region;
        this.transitions = new Transitions(this);
    }

    /** Runs {@code work} alone, after completing every transition due by now. */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            transitions.settle(clock.now());
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} alone without completing anything: to render what a change just left, even when its
     * transition takes no time (the immediate durations complete on the next request, not on this one).
     */
    public <T> T lockedAsLeft(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    public HaStore store() {
        return store;
    }

    /** The account, created on first use with the world's default limits. */
    public AccountData account(String accountId) {
        return store.existingAccount(accountId).orElseGet(() -> {
            AccountData created = store.account(accountId);
            limits(created, defaultLimits);
            return created;
        });
    }

    /** Sets an account's limits: the one way they change. */
    public void limits(AccountData account, Limits limits) {
        account.limits(limits);
        rateLimits |= !limits.rates().isEmpty();
    }

    public boolean mayRateLimit() {
        return rateLimits;
    }

    public Limits defaultLimits() {
        return defaultLimits;
    }

    /** The limits every new account starts with (off unless the server runs with --limits documented). */
    public void defaultLimits(Limits limits) {
        this.defaultLimits = limits;
        rateLimits |= !limits.rates().isEmpty();
    }

    public EmulatorClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    public Durations durations() {
        return durations;
    }

    public Catalog catalog() {
        return catalog;
    }

    public void catalog(Catalog catalog) {
        this.catalog = catalog;
    }

    public String region() {
        return region;
    }

    public long nextId() {
        return nextId;
    }

    public void nextId(long nextId) {
        this.nextId = nextId;
    }

    /**
     * A new id: deterministic for a given world, so that runs and dumps repeat, and never one the world holds. A
     * loaded world's {@code nextId} may be behind the ids it holds (an older dump's, or a hand-written file's): the
     * next create had taken the id of a group it held, and replaced that group and its members without a word.
     */
    public String newId() {
        String id;
        do {
            id = UUID.nameUUIDFromBytes(("hakit-" + nextId++).getBytes(StandardCharsets.UTF_8)).toString();
        } while (isHeld(id));
        return id;
    }

    private boolean isHeld(String id) {
        for (AccountData account : store.accounts()) {
            if (account.holds(id)) {
                return true;
            }
        }
        return false;
    }

    /** Host names derived from ids, as the service's are: the same id always gives the same name. */
    public String memberHostname(String instanceId) {
        return hex("SHA-1", instanceId) + "." + region + ".rackspaceclouddb.com";
    }

    public String loadBalancerHostname(String groupId, String network) {
        return hex("MD5", groupId + "/" + network) + ".publb." + region + ".rackspaceclouddb.com";
    }

    /** Leaves {@code group} in {@code state} until the change completes after the duration of {@code kind}. */
    public void startChange(HaGroup group, HaState state, Durations.Kind kind, Map<String, String> params) {
        group.state(state);
        group.pending(new PendingChange(kind.name(), now().plus(durations.of(kind)), params));
        transitions.watch(group);
    }

    public void startChange(Backup backup, String step, java.time.Duration after) {
        continueChange(backup, step, now().plus(after));
    }

    /**
     * A backup's next step, due at the given time: a step that follows another is timed from when the one before it
     * fell due, not from when it was seen, so that one advance of the clock completes the whole chain.
     */
    void continueChange(Backup backup, String step, Instant dueAt) {
        backup.pending(new PendingChange(step, dueAt, Map.of()));
        transitions.watch(backup);
    }

    /** After a world is loaded: find the changes in progress again. */
    public void rewatchAll() {
        transitions.rebuild();
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
