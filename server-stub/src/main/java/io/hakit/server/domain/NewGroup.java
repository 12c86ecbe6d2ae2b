package io.hakit.server.domain;

import java.util.List;

/** What a create request asks for, already valid against the document's schema. */
public record NewGroup(
        String name,
        String datastoreType,
        String datastoreVersion,
        MemberSpec source,
        List<MemberSpec> replicas,
        List<String> networks,
        List<String> acls,
        String configurationId) {

    public NewGroup {
        replicas = List.copyOf(replicas);
        networks = networks == null ? List.of() : List.copyOf(networks);
        acls = acls == null ? List.of() : List.copyOf(acls);
    }
}
