package io.hakit.server.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.openapi.HaContract;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document's {@code x-catalog} table, read once: the flavors, the datastore versions the service knows, those a
 * new HA group may use, and the upgrade paths. The document is the one place for these facts; the emulator reads
 * them here rather than keeping a copy.
 */
record CatalogTable(
        List<Flavor> flavors,
        int haFlavorMinRam,
        Map<String, List<String>> versions,
        Set<Datastore> newGroups,
        Map<Datastore, Set<Datastore>> upgrades) {

    static final CatalogTable DOCUMENTED = from(HaContract.load().document().path("x-catalog"));

    static CatalogTable from(JsonNode table) {
        if (!table.isObject()) {
            throw new IllegalStateException("the document has no x-catalog table");
        }
        List<Flavor> flavors = new ArrayList<>();
        table.path("flavors").forEach(f -> flavors.add(new Flavor(f.path("id").asInt(), f.path("name").asText(),
                f.path("ram").asInt())));
        Map<String, List<String>> versions = new LinkedHashMap<>();
        table.path("datastores").forEach(d -> {
            List<String> known = new ArrayList<>();
            d.path("versions").forEach(v -> known.add(v.asText()));
            versions.put(d.path("type").asText(), List.copyOf(known));
        });
        Set<Datastore> newGroups = new HashSet<>();
        table.path("newGroups").forEach(d -> newGroups.add(datastore(d)));
        Map<Datastore, Set<Datastore>> upgrades = new HashMap<>();
        table.path("upgradePaths").forEach(p -> {
            Set<Datastore> to = new HashSet<>();
            p.path("to").forEach(d -> to.add(datastore(d)));
            upgrades.put(datastore(p.path("from")), Set.copyOf(to));
        });
        return new CatalogTable(List.copyOf(flavors), table.path("haFlavorMinRam").asInt(), Map.copyOf(versions),
                Set.copyOf(newGroups), Map.copyOf(upgrades));
    }

    private static Datastore datastore(JsonNode node) {
        return new Datastore(node.path("type").asText(), node.path("version").asText());
    }
}
