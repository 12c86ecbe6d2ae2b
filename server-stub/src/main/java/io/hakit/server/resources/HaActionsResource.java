package io.hakit.server.resources;

import io.hakit.server.api.HaActionsApi;
import io.hakit.server.api.model.HaActionRequest;
import io.hakit.server.domain.HaActions;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaService;
import io.hakit.server.resources.views.Views;
import io.hakit.server.resources.views.GroupSummary;
import jakarta.ws.rs.core.Response;

/**
 * The six actions, told apart by the body's only key. The request validator has already refused a body with no
 * key, two keys or an unknown one (minProperties, maxProperties and additionalProperties in the document).
 */
public final class HaActionsResource implements HaActionsApi {

    private final HaService service;
    private final Views views;

    public HaActionsResource(HaService service, Views views) {
        this.service = service;
        this.views = views;
    }

    @Override
    public Response actOnHaInstance(String version, String accountId, String haId, HaActionRequest request) {
        HaActions actions = service.actions();
        if (request.getUpgrade() != null) {
            HaGroup group = actions.upgrade(accountId, haId, request.getUpgrade().getDatastoreType(),
                    request.getUpgrade().getDatastoreVersion());
            GroupSummary upgrading = service.asLeft(accountId, account -> GroupSummary.of(group));
            return ApiResponses.json(202, views.upgradeStarted(upgrading));
        } else if (request.getAddReplica() != null) {
            actions.addReplica(accountId, haId, RequestMapping.member(request.getAddReplica().getReplicaDetails()));
        } else if (request.getRemoveReplica() != null) {
            actions.removeReplica(accountId, haId, request.getRemoveReplica());
        } else if (request.getResizeVolumes() != null) {
            actions.resizeVolume(accountId, haId, request.getResizeVolumes().getSize());
        } else if (request.getResizeFlavor() != null) {
            actions.resizeFlavor(accountId, haId, request.getResizeFlavor());
        } else if (request.getRestart() != null) {
            actions.restart(accountId, haId);
        } else {
            throw new IllegalStateException("the validator let through an action body with no action");
        }
        return ApiResponses.empty(202);
    }
}
