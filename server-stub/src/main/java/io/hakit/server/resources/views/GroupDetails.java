package io.hakit.server.resources.views;

import io.hakit.server.domain.Datastore;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaState;
import io.hakit.server.store.AccountData;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a group's details show, copied out of the live domain under the world's lock. The views render from
 * this copy alone, outside the lock, so two equal copies render the same bytes ({@link RenderedAnswers}).
 */
public record GroupDetails(String id, String accountId, String tenantId, String name, HaState state,
        Datastore datastore, int flavorId, int volumeSize, String sourceId, Member source, List<Member> replicas,
        List<String> acls, List<Endpoint> endpoints, Configuration configuration) {

    /** A member as the group shows it. */
    public record Member(String id, String accountId, String name, String hostname, String status, String flavorId,
            int volumeSize, Datastore datastore, String haId) {

        static Member of(DbInstance instance) {
            return new Member(instance.id(), instance.accountId(), instance.name(), instance.hostname(),
                    instance.status(), instance.flavorId(), instance.volumeSize(), instance.datastore(),
                    instance.haId());
        }
    }

    /** The host name of a network's load balancer. */
    public record Endpoint(String network, String address) {}

    /** The attached configuration group; its name is its id when the group is no longer there. */
    public record Configuration(String id, String name) {}

    /** Call inside the world's lock. A member appears once it exists as an instance: not while it is being built. */
    public static GroupDetails of(AccountData account, HaGroup group) {
        Member source = visible(account, group.sourceId());
        List<Member> replicas = new ArrayList<>(group.replicaIds().size());
        for (String id : group.replicaIds()) {
            Member replica = visible(account, id);
            if (replica != null) {
                replicas.add(replica);
            }
        }
        List<Endpoint> endpoints = new ArrayList<>(group.endpoints().size());
        group.endpoints().forEach((network, address) -> endpoints.add(new Endpoint(network, address)));
        return new GroupDetails(group.id(), group.accountId(), group.tenantId(), group.name(), group.state(),
                group.datastore(), group.flavorId(), group.volumeSize(), group.sourceId(), source,
                List.copyOf(replicas), List.copyOf(group.acls()), List.copyOf(endpoints),
                configuration(account, group.configurationId()));
    }

    private static Member visible(AccountData account, String instanceId) {
        DbInstance instance = instanceId == null ? null : account.instances().get(instanceId);
        return instance == null || "BUILD".equals(instance.status()) ? null : Member.of(instance);
    }

    private static Configuration configuration(AccountData account, String configurationId) {
        if (configurationId == null) {
            return null;
        }
        var configuration = account.configurations().get(configurationId);
        return new Configuration(configurationId, configuration == null ? configurationId : configuration.name());
    }
}
