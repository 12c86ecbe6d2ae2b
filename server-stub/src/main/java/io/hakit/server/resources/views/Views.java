package io.hakit.server.resources.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.server.domain.Backup;
import io.hakit.server.domain.Catalog;
import io.hakit.server.domain.ConfigurationGroup;
import io.hakit.server.domain.Datastore;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.Flavor;
import io.hakit.server.domain.HaState;
import io.hakit.server.domain.Page;
import io.hakit.server.store.AccountData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;

/**
 * Renders domain objects as the service's JSON, field for field as the seed's responses show them (names, nesting,
 * types, link forms). The response schemas in the document are the specification; the contract tests hold these
 * views to them. A group renders from a snapshot ({@link GroupDetails}, {@link GroupPage}, {@link GroupSummary})
 * taken under the world's lock, outside it; a show's and a list's answers are kept for the next equal snapshot
 * ({@link RenderedAnswers}). The other views read live objects: call them inside the world's lock.
 */
public final class Views {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The proleptic year (uuuu): with the year of the era (yyyy), a date in 6 BC was written as one in AD 6. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Links links;
    private final RenderedAnswers renderedDetails = new RenderedAnswers();
    private final RenderedAnswers renderedLists = new RenderedAnswers();

    /** What a kept answer was rendered from: a snapshot, and the public URL its links start with. */
    private record Inputs(String publicUrl, Object snapshot) {}

    public Views(Links links) {
        this.links = links;
    }

    public Links links() {
        return links;
    }

    /** A group's details, as a show answers them. */
    public byte[] groupDetails(GroupDetails group) {
        return renderedDetails.json(group.id().hashCode(), new Inputs(links.publicUrl(), group),
                () -> envelope("ha_instance", groupDetailsView(group)));
    }

    /**
     * A new group's details, as its create answers them: not kept. Under a stream of creates, kept answers lived
     * long enough to be copied by young collections and promoted (twice the full collections of the write mix).
     */
    public byte[] newGroupDetails(GroupDetails group) {
        return JsonBytes.of(envelope("ha_instance", groupDetailsView(group)));
    }

    private ObjectNode groupDetailsView(GroupDetails group) {
        ObjectNode view = JSON.objectNode();
        view.put("name", group.name());
        view.put("tenant_id", group.tenantId());
        view.putObject("volume").put("size", group.volumeSize());
        ObjectNode flavor = view.putObject("flavor");
        flavor.put("id", group.flavorId());
        flavor.set("links", links.of(group.accountId(), "flavors", String.valueOf(group.flavorId())));
        view.set("replicas", replicas(group));
        view.set("replica_source", source(group));
        view.set("configuration", configuration(group));
        view.put("id", group.id());
        view.put("state", group.state().wireName());
        view.set("acls", acls(group.acls()));
        view.set("datastore", datastore(group.datastore()));
        view.set("networks", networks(group));
        return view;
    }

    /** What the list shows of a group, and, with the tenant, what an upgrade answers. */
    private ObjectNode groupSummary(GroupSummary group, boolean withTenant) {
        ObjectNode view = JSON.objectNode();
        if (withTenant) {
            view.put("tenant_id", group.tenantId());
        }
        view.put("state", group.state().wireName());
        view.put("id", group.id());
        view.set("datastore", datastore(group.datastore()));
        view.put("name", group.name());
        return view;
    }

    public ObjectNode upgradeStarted(GroupSummary group) {
        return envelope("ha_instance", groupSummary(group, true));
    }

    public byte[] groupList(GroupPage page) {
        int hash = 31 * page.accountId().hashCode() + page.limit();
        if (!page.groups().isEmpty()) {
            hash = 31 * hash + page.groups().get(0).id().hashCode();
        }
        return renderedLists.json(hash, new Inputs(links.publicUrl(), page), () -> groupListView(page));
    }

    private ObjectNode groupListView(GroupPage page) {
        ArrayNode list = JSON.arrayNode();
        page.groups().forEach(g -> list.add(groupSummary(g, false)));
        return paged(envelope("ha_instances", list), page.accountId(), "ha", page.nextMarker(), page.limit());
    }

    /** A page's {@code next} link, when more items follow. */
    private ObjectNode paged(ObjectNode envelope, String accountId, String listPath, Optional<String> nextMarker,
            int limit) {
        nextMarker.ifPresent(marker -> envelope.set("links", links.next(accountId, listPath, limit, marker)));
        return envelope;
    }

    private ObjectNode paged(ObjectNode envelope, String accountId, String listPath, Page<?> page, int limit) {
        return paged(envelope, accountId, listPath, page.nextMarker(), limit);
    }

    /** What a conversion answers: the new group in BUILD with the members it was formed from. */
    public ObjectNode convertedGroup(GroupDetails group) {
        ObjectNode view = JSON.objectNode();
        view.put("id", group.id());
        view.put("name", group.name());
        view.put("state", group.state().wireName());
        view.put("tenant_id", group.tenantId());
        view.set("acls", acls(group.acls()));
        view.set("datastore", datastore(group.datastore()));
        view.set("networks", networks(group));
        view.set("replica_source", source(group));
        view.set("replicas", replicas(group));
        return envelope("ha_instance", view);
    }

    public ObjectNode aclList(Collection<String> acls) {
        return envelope("acls", acls(acls));
    }

    private ArrayNode source(GroupDetails group) {
        ArrayNode list = JSON.arrayNode();
        if (group.source() == null) {
            return list;
        }
        ObjectNode view = member(group.source());
        ArrayNode replicas = view.putArray("replicas");
        group.replicas().forEach(r -> replicas.add(memberRef(r.accountId(), r.id(), r.name())));
        list.add(view);
        return list;
    }

    private ArrayNode replicas(GroupDetails group) {
        ArrayNode list = JSON.arrayNode();
        for (GroupDetails.Member replica : group.replicas()) {
            ObjectNode view = member(replica);
            ObjectNode replicaOf = view.putObject("replica_of");
            replicaOf.put("id", group.sourceId());
            replicaOf.set("links", links.of(replica.accountId(), "instances", group.sourceId()));
            list.add(view);
        }
        return list;
    }

    private ObjectNode member(GroupDetails.Member member) {
        ObjectNode view = JSON.objectNode();
        view.put("status", member.status());
        view.put("name", member.name());
        view.putObject("links");
        view.put("hostname", member.hostname());
        view.put("id", member.id());
        view.putObject("volume").put("size", member.volumeSize());
        view.put("ha_id", member.haId());
        ObjectNode flavor = view.putObject("flavor");
        flavor.put("id", member.flavorId());
        flavor.putObject("links");
        view.set("datastore", datastore(member.datastore()));
        return view;
    }

    private ObjectNode memberRef(String accountId, String id, String name) {
        ObjectNode view = JSON.objectNode();
        view.put("id", id);
        view.set("links", links.of(accountId, "instances", id));
        view.put("name", name);
        return view;
    }

    private JsonNode configuration(GroupDetails group) {
        GroupDetails.Configuration configuration = group.configuration();
        if (configuration == null) {
            return JSON.nullNode();
        }
        ObjectNode view = JSON.objectNode();
        view.put("id", configuration.id());
        view.set("links", links.of(group.accountId(), "configurations", configuration.id()));
        view.put("name", configuration.name());
        return view;
    }

    /** Endpoints exist once the group is built: a read and a write one per network. */
    private static ArrayNode networks(GroupDetails group) {
        ArrayNode list = JSON.arrayNode();
        if (group.state() == HaState.BUILD) {
            return list;
        }
        for (GroupDetails.Endpoint endpoint : group.endpoints()) {
            list.addObject().put("access", "read").put("network", endpoint.network()).put("port", 3307)
                    .put("address", endpoint.address());
            list.addObject().put("access", "write").put("network", endpoint.network()).put("port", 3306)
                    .put("address", endpoint.address());
        }
        return list;
    }

    private static ArrayNode acls(Collection<String> acls) {
        ArrayNode list = JSON.arrayNode();
        acls.forEach(address -> list.addObject().put("type", "ALLOW").put("address", address));
        return list;
    }

    private static ObjectNode datastore(Datastore datastore) {
        return JSON.objectNode().put("version", datastore.version()).put("type", datastore.type());
    }

    public ObjectNode backup(Backup backup, Catalog catalog) {
        return envelope("backup", backupView(backup, catalog));
    }

    public ObjectNode backupList(String accountId, String listPath, Page<Backup> page, int limit, Catalog catalog) {
        ArrayNode list = JSON.arrayNode();
        page.items().forEach(b -> list.add(backupView(b, catalog)));
        return paged(envelope("backups", list), accountId, listPath, page, limit);
    }

    private static ObjectNode backupView(Backup backup, Catalog catalog) {
        ObjectNode view = JSON.objectNode();
        view.put("status", backup.status().name());
        view.put("updated", time(backup.updated()));
        view.put("description", backup.description());
        view.set("datastore", datastore(backup.datastore()).put("version_id", catalog.versionId(backup.datastore())));
        view.put("id", backup.id());
        view.put("size", backup.sizeGb());
        view.put("is_automated", false);
        view.put("name", backup.name());
        view.put("parent_id", backup.parentId());
        view.put("created", time(backup.created()));
        view.put("flavor_ram", backup.flavorRamMb());
        view.put("instance_id", backup.ofHaGroup() ? null : backup.sourceId());
        view.putObject("source").put("type", backup.sourceType()).put("id", backup.sourceId());
        view.put("locationRef", backup.locationRef());
        view.put("type", backup.parentId() == null ? "InnoBackupEx" : "InnoBackupExIncremental");
        view.put("volume_size", backup.volumeSize());
        return view;
    }

    public ObjectNode flavor(String accountId, Flavor flavor) {
        return envelope("flavor", flavorView(accountId, flavor));
    }

    public ObjectNode flavorList(String accountId, Page<Flavor> page, int limit) {
        ArrayNode list = JSON.arrayNode();
        page.items().forEach(f -> list.add(flavorView(accountId, f)));
        return paged(envelope("flavors", list), accountId, "flavors", page, limit);
    }

    private ObjectNode flavorView(String accountId, Flavor flavor) {
        ObjectNode view = JSON.objectNode();
        view.put("id", flavor.id());
        view.put("name", flavor.name());
        view.put("ram", flavor.ramMb());
        view.set("links", links.of(accountId, "flavors", String.valueOf(flavor.id())));
        return view;
    }

    public ObjectNode configuration(ConfigurationGroup configuration) {
        return envelope("configuration", configurationView(configuration));
    }

    public ObjectNode configurationList(String accountId, Page<ConfigurationGroup> page, int limit) {
        ArrayNode list = JSON.arrayNode();
        page.items().forEach(c -> list.add(configurationView(c)));
        return paged(envelope("configurations", list), accountId, "configurations", page, limit);
    }

    private ObjectNode configurationView(ConfigurationGroup configuration) {
        ObjectNode view = JSON.objectNode();
        view.put("id", configuration.id());
        view.put("name", configuration.name());
        view.put("description", configuration.description());
        view.put("datastore_name", configuration.datastore().type());
        view.put("datastore_version_name", configuration.datastore().version());
        ObjectNode values = view.putObject("values");
        configuration.values().forEach((k, v) -> values.putPOJO(k, v));
        view.set("links", links.of(configuration.accountId(), "configurations", configuration.id()));
        return view;
    }

    public ObjectNode instance(AccountData account, DbInstance instance) {
        ObjectNode view = JSON.objectNode();
        view.put("id", instance.id());
        view.put("name", instance.name());
        view.put("status", instance.status());
        view.put("hostname", instance.hostname());
        view.set("datastore", datastore(instance.datastore()));
        ObjectNode flavor = view.putObject("flavor");
        flavor.put("id", Integer.parseInt(instance.flavorId()));
        flavor.set("links", links.of(instance.accountId(), "flavors", instance.flavorId()));
        view.putObject("volume").put("size", instance.volumeSize());
        view.set("links", links.of(instance.accountId(), "instances", instance.id()));
        if (instance.haId() != null) {
            view.put("ha_id", instance.haId());
        }
        if (instance.replicaOf() != null) {
            ObjectNode replicaOf = view.putObject("replica_of");
            replicaOf.put("id", instance.replicaOf());
            replicaOf.set("links", links.of(instance.accountId(), "instances", instance.replicaOf()));
        }
        ArrayNode replicas = JSON.arrayNode();
        account.instances().values().stream().filter(i -> instance.id().equals(i.replicaOf()))
                .forEach(r -> replicas.add(memberRef(r.accountId(), r.id(), r.name())));
        if (!replicas.isEmpty()) {
            view.set("replicas", replicas);
        }
        return envelope("instance", view);
    }

    public ObjectNode versions() {
        ObjectNode view = JSON.objectNode();
        view.putArray("versions").add(versionView());
        return view;
    }

    public ObjectNode version() {
        return envelope("version", versionView());
    }

    private ObjectNode versionView() {
        ObjectNode version = JSON.objectNode();
        version.put("id", Links.VERSION);
        version.put("status", "CURRENT");
        version.put("updated", "2012-08-01T00:00:00Z");
        version.set("links", links.version());
        return version;
    }

    /** A date as every answer writes it (a backup's created and updated): the document's Timestamp. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static ObjectNode envelope(String name, JsonNode content) {
        ObjectNode envelope = JSON.objectNode();
        envelope.set(name, content);
        return envelope;
    }
}
