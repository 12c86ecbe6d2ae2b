package io.hakit.server.resources;

import io.hakit.server.api.HaActionsApi;
import io.hakit.server.api.model.AddReplicaAction;
import io.hakit.server.api.model.HaActionRequest;
import io.hakit.server.api.model.RemoveReplicaAction;
import io.hakit.server.api.model.ResizeFlavorAction;
import io.hakit.server.api.model.ResizeVolumesAction;
import io.hakit.server.api.model.RestartAction;
import io.hakit.server.api.model.UpgradeAction;
import io.hakit.server.domain.HaActions;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaService;
import io.hakit.server.resources.views.Views;
import jakarta.ws.rs.core.Response;

/** The six actions, told apart by the type Jackson deduced from the body's only key. */
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
        if (request instanceof UpgradeAction upgrade) {
            HaGroup group = actions.upgrade(accountId, haId, upgrade.getUpgrade().getDatastoreType(),
                    upgrade.getUpgrade().getDatastoreVersion());
            return ApiResponses.json(202, service.asLeft(accountId, account -> views.upgradeStarted(group)));
        } else if (request instanceof AddReplicaAction add) {
            actions.addReplica(accountId, haId, RequestMapping.member(add.getAddReplica().getReplicaDetails()));
        } else if (request instanceof RemoveReplicaAction remove) {
            actions.removeReplica(accountId, haId, remove.getRemoveReplica());
        } else if (request instanceof ResizeVolumesAction resize) {
            actions.resizeVolume(accountId, haId, resize.getResizeVolumes().getSize());
        } else if (request instanceof ResizeFlavorAction resize) {
            actions.resizeFlavor(accountId, haId, resize.getResizeFlavor());
        } else if (request instanceof RestartAction) {
            actions.restart(accountId, haId);
        } else {
            throw new IllegalStateException("the document's oneOf has no action " + request.getClass());
        }
        return ApiResponses.empty(202);
    }
}
