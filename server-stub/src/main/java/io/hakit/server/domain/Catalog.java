package io.hakit.server.domain;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the service offers every account: flavors, datastore versions, which of them a new HA group may use, the
 * upgrade paths (all read from the document's {@code x-catalog} table), and which configuration parameters need a
 * restart.
 */
public final class Catalog {

    private static final CatalogTable TABLE = CatalogTable.DOCUMENTED;

    /** Flavors 1 to 8 as Rackspace documents them; 9 is the flavor the seed's HA groups report. */
    private static final List<Flavor> FLAVORS = TABLE.flavors();

    /** The flavors by id as a request spells it, ordered by id like every list: looked up on every create. */
    private static final NavigableMap<String, Flavor> FLAVORS_BY_ID = byId(FLAVORS);

    /** Every datastore version the service knows, for existing instances and upgrades. */
    private static final Map<String, List<String>> VERSIONS = TABLE.versions();

    /** The versions a new HA group may use (the seed's list). */
    private static final Set<Datastore> HA_VERSIONS = TABLE.newGroups();

    /** The seed's upgrade paths, from a version to the versions it may go to. */
    private static final Map<Datastore, Set<Datastore>> UPGRADES = TABLE.upgrades();

    /** Parameters MySQL reads only at start: a configuration group with one of them needs a restart. */
    private static final Set<String> STATIC_PARAMETERS = Set.of(
            "innodb_buffer_pool_size", "innodb_log_file_size", "innodb_file_per_table", "performance_schema",
            "character_set_server", "collation_server", "innodb_buffer_pool_instances", "innodb_log_buffer_size",
            "server_id", "log_bin");

    /** Version ids that the documented examples show; others are derived from the type and version. */
    private static final Map<Datastore, String> VERSION_IDS = Map.of(
            new Datastore("mysql", "5.6"), "20c7e5e7-4d6e-4c5e-9a7d-8a2f3b4c5d6e",
            new Datastore("mysql", "5.7"), "7a1c9e3b-2d4f-4a6b-8c0d-1e2f3a4b5c6d");

    private final boolean legacyVersionsForNewGroups;

    public Catalog(boolean legacyVersionsForNewGroups) {
        this.legacyVersionsForNewGroups = legacyVersionsForNewGroups;
    }

    /** Whether new groups may use any known version, as in the seed's 2015 examples (MySQL 5.6). */
    public boolean legacyVersionsForNewGroups() {
        return legacyVersionsForNewGroups;
    }

    public List<Flavor> flavors() {
        return FLAVORS;
    }

    /** A page of flavors, ordered by id like every list. */
    public Page<Flavor> flavors(String marker, Integer limit) {
        return Page.of(FLAVORS_BY_ID, marker, limit);
    }

    public Optional<Flavor> flavor(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(FLAVORS_BY_ID.get(id));
    }

    public Flavor flavorOrThrow(String id) {
        return flavor(id).orElseThrow(() -> DomainException.notFound("Flavor", id));
    }

    /** The datastore the request names, matched without regard to the case of its type; 404 when unknown. */
    public Datastore datastore(String type, String version) {
        String lower = type.toLowerCase(Locale.ROOT);
        List<String> versions = VERSIONS.get(lower);
        if (versions == null) {
            throw DomainException.notFound("Datastore", type);
        }
        if (!versions.contains(version)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "Datastore version "
                    + DomainException.shown(type) + " " + DomainException.shown(version) + " could not be found.");
        }
        return new Datastore(lower, version);
    }

    public void requireHaSupport(Datastore datastore) {
        if (!legacyVersionsForNewGroups && !HA_VERSIONS.contains(datastore)) {
            throw DomainException.unprocessable("HA groups support MySQL 5.7 and 8.0, Percona 5.7, MariaDB 10.4 and "
                    + "10.4enc, not " + datastore.type() + " " + datastore.version() + ".");
        }
    }

    public boolean canUpgrade(Datastore from, Datastore to) {
        return UPGRADES.getOrDefault(from, Set.of()).contains(to);
    }

    public String versionId(Datastore datastore) {
        return VERSION_IDS.getOrDefault(datastore, UUID.nameUUIDFromBytes(
                (datastore.type() + ":" + datastore.version()).getBytes(StandardCharsets.UTF_8)).toString());
    }

    static boolean isStaticParameter(String name) {
        return STATIC_PARAMETERS.contains(name);
    }

    /** Ordered as numbers (a flavor id is one, without leading zeros): 10 after 9, and a marker of 10 after 9 too. */
    private static NavigableMap<String, Flavor> byId(List<Flavor> flavors) {
        TreeMap<String, Flavor> byId = new TreeMap<>(Comparator.comparingInt(String::length)
                .thenComparing(Comparator.naturalOrder()));
        flavors.forEach(f -> byId.put(String.valueOf(f.id()), f));
        return Collections.unmodifiableNavigableMap(byId);
    }
}
