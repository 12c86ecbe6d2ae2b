package io.hakit.server.resources;

import io.hakit.server.api.model.AclRequest;
import io.hakit.server.api.model.HaInstanceSpec;
import io.hakit.server.api.model.NetworkName;
import io.hakit.server.domain.MemberSpec;
import io.hakit.server.domain.NewGroup;
import java.util.Collection;
import java.util.List;

/** From the generated request models (already valid against the document) to the domain's commands. */
final class RequestMapping {

    private RequestMapping() {}

    static NewGroup newGroup(HaInstanceSpec spec) {
        return new NewGroup(spec.getName(), spec.getDatastore().getType(), spec.getDatastore().getVersion(),
                member(spec.getReplicaSource().get(0)), spec.getReplicas().stream().map(RequestMapping::member).toList(),
                networks(spec.getNetworks()), acls(spec.getAcls()), spec.getConfiguration());
    }

    static MemberSpec member(io.hakit.server.api.model.MemberSpec spec) {
        return new MemberSpec(spec.getName(), spec.getFlavorRef(), spec.getVolume().getSize());
    }

    static List<String> networks(Collection<NetworkName> networks) {
        return networks == null ? List.of() : networks.stream().map(NetworkName::toString).toList();
    }

    static List<String> acls(List<AclRequest> acls) {
        return acls == null ? List.of() : acls.stream().map(AclRequest::getAddress).toList();
    }
}
