package io.hakit.contract;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the gate needs to know about the implementation it judges, read strictly from {@code --name=value}
 * arguments: an unknown option, a missing required one or a malformed value is refused (the gate exits 2), never
 * ignored. An empty value counts as absent (the Maven profile passes every option, set or not).
 *
 * @param baseUrl the service root: paths add {@code /v1.0/{accountId}/...}
 * @param otherAccountId a second account, with {@code otherToken}, for the isolation checks
 * @param flavor a flavor of 1 GB or more for new groups; {@code biggerFlavor} is what resizes go to
 * @param datastoreType the datastore of new groups, which must be upgradable to {@code upgradeVersion}
 * @param waitBound how long a transition may take before the gate calls it a failure
 * @param requestTimeout how long one request may take before the gate calls it a hang
 * @param retryAfterBound the most the run waits, in all, when answers ask for their request again later
 *     ({@link RetryAfter}); zero: it never waits
 * @param configurationId a configuration group for attach, detach and restart (found by listing when absent)
 * @param replicationInstanceId an instance of a replication setup to convert (convertToHa is not exercised without)
 * @param fuzz how many generated requests the negative testing sends (0: none)
 * @param fuzzBudget the most time the negative testing may take, whatever {@code fuzz} says
 * @param runBound the most time the whole run may take before its clean-up (zero: no bound): past it, no scenario
 *     or phase begins and no wait goes on, and the run fails
 * @param seed what the generated requests and names are drawn from: the same seed repeats a run
 * @param edge whether to send the edge probes (raw-socket requests a client library would not send)
 * @param selected the named operations judged (all by default; {@code --only} and {@code --skip} choose)
 * @param requireAll whether an operation not exercised fails the gate
 * @param reports where the reports go (none when absent)
 */
public record GateConfig(
        URI baseUrl,
        String accountId,
        String token,
        Optional<String> otherAccountId,
        Optional<String> otherToken,
        String flavor,
        String biggerFlavor,
        String datastoreType,
        String datastoreVersion,
        String upgradeVersion,
        Duration waitBound,
        Duration requestTimeout,
        Duration retryAfterBound,
        Optional<String> configurationId,
        Optional<String> replicationInstanceId,
        int fuzz,
        Duration fuzzBudget,
        Duration runBound,
        long seed,
        boolean edge,
        Set<String> selected,
        boolean requireAll,
        Optional<java.nio.file.Path> reports) {

    public static final String VERSION = "v1.0";

    /** Every option, with its default ("" for none, "required" for a required one) and what it is for. */
    static final Map<String, String[]> OPTIONS = options();

    private static Map<String, String[]> options() {
        Map<String, String[]> options = new LinkedHashMap<>();
        options.put("baseUrl", new String[] {"required", "the service root, e.g. http://127.0.0.1:8080 (paths add /v1.0/{accountId}/...)"});
        options.put("accountId", new String[] {"required", "the account the token belongs to"});
        options.put("token", new String[] {"required", "a token of that account (sent in X-Auth-Token; masked in every report)"});
        options.put("otherAccountId", new String[] {"", "a second account, for the isolation checks (not exercised without)"});
        options.put("otherToken", new String[] {"", "a token of the second account"});
        options.put("flavor", new String[] {"2", "a flavor of 1 GB or more for new groups"});
        options.put("biggerFlavor", new String[] {"3", "a bigger flavor, what resizes go to"});
        options.put("datastoreType", new String[] {"mariadb", "the datastore of new groups"});
        options.put("datastoreVersion", new String[] {"10.4", "its version"});
        options.put("upgradeVersion", new String[] {"10.4enc", "a version new groups can be upgraded to"});
        options.put("waitSeconds", new String[] {"120", "how long a transition may take: enough for the reference server; a real service needs 1800 or more"});
        options.put("requestTimeoutSeconds", new String[] {"30", "how long one request may take before it counts as a hang"});
        options.put("retryAfterSeconds", new String[] {"300", "the most the run spends, in all, on answers that ask for their request again later (a rate limit's 413, or a 503, with Retry-After): their waits, and the time those answers took; the gate waits as asked and sends the request again, and once this is spent judges answers as they are (0: never waits)"});
        options.put("configurationId", new String[] {"", "a configuration group for attach, detach and restart (found by listing when absent; restart needs one with a non-dynamic parameter, such as innodb_buffer_pool_size)"});
        options.put("replicationInstanceId", new String[] {"", "an instance of a replication setup to convert (convertToHa is not exercised without)"});
        options.put("fuzz", new String[] {"500", "how many generated requests the negative testing sends besides the ones it sends on every run (0: only those)"});
        options.put("fuzzSeconds", new String[] {"60", "the most time the negative testing may take, all of it: the requests sent on every run, the generated ones, their read-backs and shrinking, and its waits for answers that ask for their request again later; none is begun after it (the one under way finishes its read-back), and what was not sent is reported (an operation whose every-run requests were not all sent is not exercised)"});
        options.put("maxSeconds", new String[] {"", "the most the run may take before its clean-up (no bound when absent: set it below your CI job's timeout); past it no scenario or phase begins and no wait goes on (what it cuts short is reported as not run), the run fails finished_in_time, and the clean-up waits at most --waitSeconds more in all; the negative testing begun before it may go on for its --fuzzSeconds"});
        options.put("seed", new String[] {"", "repeat a run: the seed its report printed (a new one is drawn when absent)"});
        options.put("edge", new String[] {"on", "on or off: the raw-socket edge probes"});
        options.put("only", new String[] {"", "comma-separated named operations: judge only these"});
        options.put("skip", new String[] {"", "comma-separated named operations: judge all but these"});
        options.put("require-all", new String[] {"false", "a flag (or =true): an operation not exercised fails the gate"});
        options.put("reports", new String[] {"", "a directory for the reports (JUnit XML per operation, summary.md, report.json)"});
        return options;
    }

    /**
     * From {@code --name=value} arguments (and the flag {@code --require-all}).
     *
     * @param operations the document's named operations, which {@code --only} and {@code --skip} must name
     * @throws IllegalArgumentException with a message fit for the command line
     */
    public static GateConfig fromArguments(String[] args, List<String> operations) {
        Map<String, String> values = parse(args);
        String base = required(values, "baseUrl").replaceAll("/+$", "");
        URI baseUrl;
        try {
            baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--baseUrl is not a URL: " + base);
        }
        if (baseUrl.getHost() == null && baseUrl.getRawAuthority() != null && baseUrl.getRawAuthority().contains("_")) {
            // a container's service name often has one (ha_server): Java's URI reads no host in it, nor do the clients
            throw new IllegalArgumentException("--baseUrl's host name has a '_', which no host name in a URL may hold (Java"
                    + " and its HTTP clients read no host in it): reach the target by a name without '_' (a network alias)"
                    + " or by its address: " + base);
        }
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("--baseUrl must be an http or https URL with a host: " + base);
        }
        if (baseUrl.getPort() != -1 && (baseUrl.getPort() < 1 || baseUrl.getPort() > 65_535)) {
            throw new IllegalArgumentException("--baseUrl has no port " + baseUrl.getPort() + " (1 to 65535): " + base);
        }
        String account = values.get("accountId");
        if (baseUrl.getRawPath() != null && baseUrl.getRawPath().matches("(?i).*/v1\\.0"
                + (account == null ? "" : "(/" + java.util.regex.Pattern.quote(account) + ")?"))) {
            // /v1.0/v1.0/{accountId}/...: the target refuses it (a 403 or 404), read as a wrong token or a missing id
            throw new IllegalArgumentException("--baseUrl is the service root, without /" + VERSION + " (the gate adds /"
                    + VERSION + "/{accountId}/...): " + base);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            // the gate appends /v1.0/{accountId}/... to the root: after a query or a fragment, that is no path at all
            throw new IllegalArgumentException("--baseUrl is the service root, without a query or a fragment: " + base);
        }
        if (values.containsKey("otherAccountId") != values.containsKey("otherToken")) {
            throw new IllegalArgumentException("--otherAccountId and --otherToken go together");
        }
        if (values.containsKey("only") && values.containsKey("skip")) {
            throw new IllegalArgumentException("--only and --skip exclude each other");
        }
        String edge = value(values, "edge");
        if (!edge.equals("on") && !edge.equals("off")) {
            throw new IllegalArgumentException("--edge is on or off, not " + edge);
        }
        return new GateConfig(baseUrl, required(values, "accountId"), required(values, "token"),
                Optional.ofNullable(values.get("otherAccountId")), Optional.ofNullable(values.get("otherToken")),
                value(values, "flavor"), value(values, "biggerFlavor"), value(values, "datastoreType"),
                value(values, "datastoreVersion"), value(values, "upgradeVersion"),
                Duration.ofSeconds(number(values, "waitSeconds", 1, 86_400)),
                Duration.ofSeconds(number(values, "requestTimeoutSeconds", 1, 3_600)),
                Duration.ofSeconds(number(values, "retryAfterSeconds", 0, 86_400)),
                Optional.ofNullable(values.get("configurationId")), Optional.ofNullable(values.get("replicationInstanceId")),
                (int) number(values, "fuzz", 0, 1_000_000), Duration.ofSeconds(number(values, "fuzzSeconds", 1, 86_400)),
                values.containsKey("maxSeconds") ? Duration.ofSeconds(number(values, "maxSeconds", 1, 864_000)) : Duration.ZERO,
                values.containsKey("seed") ? number(values, "seed", Long.MIN_VALUE, Long.MAX_VALUE) : System.nanoTime(),
                edge.equals("on"), selection(values, operations), bool(values, "require-all"),
                Optional.ofNullable(values.get("reports")).map(java.nio.file.Path::of));
    }

    /**
     * An option given more than once on the gate's command line, or empty. The jar's command line is the strict one:
     * {@code --fuzz=abc --fuzz=0} ran with the second and never said the first was malformed. (The kit's own suites
     * layer a test's options over defaults through {@link #fromArguments}, where the last wins.)
     */
    public static Optional<String> repeated(String[] args) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String arg : args) {
            String name = arg.startsWith("--") ? arg.substring(2, arg.contains("=") ? arg.indexOf('=') : arg.length()) : arg;
            if (!seen.add(name)) {
                return Optional.of("--" + name + " is given more than once: give each option once");
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--require-all")) {
                values.put("require-all", "true");
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value (or the flag --require-all), not '" + arg + "'");
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + suggestion(name) + "; --help lists them");
            }
            String value = arg.substring(arg.indexOf('=') + 1).strip();
            if (!value.isEmpty() && !value.startsWith("${")) {
                values.put(name, value); // the last wins: the kit's suites give defaults, then a test's own
            }
        }
        return values;
    }

    /** The known option nearest to a misspelt one, if it is near. */
    private static String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : OPTIONS.keySet()) {
            int distance = distance(name.toLowerCase(), option.toLowerCase());
            if (distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return bestDistance <= 3 ? " (did you mean --" + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static Set<String> selection(Map<String, String> values, List<String> operations) {
        Set<String> selected = new LinkedHashSet<>(operations);
        String list = values.getOrDefault("only", values.get("skip"));
        if (list == null) {
            return Set.copyOf(selected);
        }
        Set<String> named = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.strip();
            if (!operations.contains(trimmed)) {
                throw new IllegalArgumentException("no operation is named '" + trimmed + "'; the operations are " + operations);
            }
            named.add(trimmed);
        }
        if (values.containsKey("only")) {
            selected.retainAll(named);
        } else {
            selected.removeAll(named);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException((values.containsKey("only") ? "--only names" : "--skip leaves")
                    + " no operation to judge");
        }
        return Set.copyOf(selected);
    }

    private static boolean bool(Map<String, String> values, String name) {
        String text = value(values, name);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("--" + name + " is true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static String value(Map<String, String> values, String name) {
        return values.getOrDefault(name, OPTIONS.get(name)[0]);
    }

    private static long number(Map<String, String> values, String name, long min, long max) {
        String text = value(values, name);
        try {
            long number = Long.parseLong(text);
            if (number < min || number > max) {
                throw new IllegalArgumentException("--" + name + " is " + min + " to " + max + ", not " + text);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is a whole number, not '" + text + "'");
        }
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " (or -Dcontract." + name + ") is required: "
                    + OPTIONS.get(name)[1]);
        }
        return value;
    }

    /** The usage text of --help. */
    public static String usage() {
        StringBuilder text = new StringBuilder("java -jar ha-contract-gate.jar --baseUrl=URL --accountId=ID --token=TOKEN [options]\n\n");
        OPTIONS.forEach((name, spec) -> text.append(String.format("  --%-24s %s%s%n", name.equals("require-all") ? name : name + "=",
                spec[1], spec[0].isEmpty() || spec[0].equals("required") || name.equals("require-all") ? "" : " (default " + spec[0] + ")")));
        text.append("\nExit codes: 0 the implementation conforms; 1 a contract violation (or, with --require-all, an operation not\n"
                + "exercised); 2 a bad invocation; 3 the target could not be reached.\n");
        return text.toString();
    }

    public String path(String suffix) {
        return "/" + VERSION + "/" + accountId + suffix;
    }

    public boolean judges(String operation) {
        return selected.contains(operation);
    }

    public GateConfig withReplicationInstance(String instanceId) {
        return new GateConfig(baseUrl, accountId, token, otherAccountId, otherToken, flavor, biggerFlavor, datastoreType,
                datastoreVersion, upgradeVersion, waitBound, requestTimeout, retryAfterBound, configurationId, Optional.of(instanceId), fuzz,
                fuzzBudget, runBound, seed, edge, selected, requireAll, reports);
    }

    public GateConfig withBaseUrl(URI url) {
        return new GateConfig(url, accountId, token, otherAccountId, otherToken, flavor, biggerFlavor, datastoreType,
                datastoreVersion, upgradeVersion, waitBound, requestTimeout, retryAfterBound, configurationId, replicationInstanceId, fuzz,
                fuzzBudget, runBound, seed, edge, selected, requireAll, reports);
    }
}
