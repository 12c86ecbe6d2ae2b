package io.hakit.server.domain;

import java.util.Map;

/** A configuration group of an account. {@link #needsRestart()} when one of its parameters is not dynamic. */
public record ConfigurationGroup(
        String id, String accountId, String name, String description, Datastore datastore, Map<String, Object> values) {

    public ConfigurationGroup {
        values = Map.copyOf(values);
    }

    public boolean needsRestart() {
        return values.keySet().stream().anyMatch(Catalog::isStaticParameter);
    }
}
