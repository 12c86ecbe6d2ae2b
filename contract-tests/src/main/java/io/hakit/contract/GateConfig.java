package io.hakit.contract;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the gate needs to know about the implementation it judges. Only the service root, the account and its token
 * are required; the rest has defaults that suit the documented service.
 *
 * @param baseUrl the service root: paths add {@code /v1.0/{accountId}/...}
 * @param otherAccountId a second account, with {@code otherToken}, for the isolation checks (skipped without)
 * @param flavor a flavor of 1 GB or more for new groups; {@code biggerFlavor} is what resizes go to
 * @param datastoreType the datastore of new groups, which must be upgradable to {@code upgradeVersion}
 * @param waitBound how long a transition may take before the gate calls it a failure
 * @param configurationId a configuration group for attach and detach (found by listing when absent)
 * @param replicationInstanceId an instance of a replication setup to convert (convertToHa is not exercised without)
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
        Optional<String> configurationId,
        Optional<String> replicationInstanceId) {

    public static final String VERSION = "v1.0";

    /** From {@code --name=value} arguments; empty values count as absent. */
    public static GateConfig fromArguments(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            String value = arg.substring(arg.indexOf('=') + 1).strip();
            if (!value.isEmpty() && !value.startsWith("${")) {
                values.put(arg.substring(2, arg.indexOf('=')), value);
            }
        }
        return new GateConfig(
                URI.create(required(values, "baseUrl").replaceAll("/+$", "")),
                values.getOrDefault("accountId", "1234"),
                required(values, "token"),
                Optional.ofNullable(values.get("otherAccountId")),
                Optional.ofNullable(values.get("otherToken")),
                values.getOrDefault("flavor", "2"),
                values.getOrDefault("biggerFlavor", "3"),
                values.getOrDefault("datastoreType", "mariadb"),
                values.getOrDefault("datastoreVersion", "10.4"),
                values.getOrDefault("upgradeVersion", "10.4enc"),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("waitSeconds", "1200"))),
                Optional.ofNullable(values.get("configurationId")),
                Optional.ofNullable(values.get("replicationInstanceId")));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " (or -Dcontract." + name + ") is required");
        }
        return value;
    }

    public String path(String suffix) {
        return "/" + VERSION + "/" + accountId + suffix;
    }

    public GateConfig withReplicationInstance(String instanceId) {
        return new GateConfig(baseUrl, accountId, token, otherAccountId, otherToken, flavor, biggerFlavor,
                datastoreType, datastoreVersion, upgradeVersion, waitBound, configurationId, Optional.of(instanceId));
    }

    public GateConfig withBaseUrl(URI url) {
        return new GateConfig(url, accountId, token, otherAccountId, otherToken, flavor, biggerFlavor,
                datastoreType, datastoreVersion, upgradeVersion, waitBound, configurationId, replicationInstanceId);
    }
}
