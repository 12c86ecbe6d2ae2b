package io.hakit.server.domain;

import java.util.Locale;

/** A datastore type and version, the type always in lower case as the service reports it. */
public record Datastore(String type, String version) {

    public Datastore {
        type = type.toLowerCase(Locale.ROOT);
    }
}
