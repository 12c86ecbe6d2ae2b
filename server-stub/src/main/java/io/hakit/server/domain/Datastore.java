package io.hakit.server.domain;

import java.util.Locale;
import java.util.Objects;

/** A datastore type and version, the type always in lower case as the service reports it. */
public record Datastore(String type, String version) {

    public Datastore {
        type = type.toLowerCase(Locale.ROOT);
    }

    // Written out: a record's own equals and hashCode are linked through invokedynamic on their first call, and the
    // catalog's table (read at every start) is the first to call them (about 15 ms of the start's main thread).
    @Override
    public boolean equals(Object other) {
        return other instanceof Datastore that && type.equals(that.type) && Objects.equals(version, that.version);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Objects.hashCode(version); // a world file may leave the version out
    }
}
