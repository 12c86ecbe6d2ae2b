package io.hakit.server.resources;

import io.hakit.server.api.ReplicationApi;
import io.hakit.server.api.model.ConvertToHaAction;
import io.hakit.server.api.model.ConvertToHaSpec;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaService;
import io.hakit.server.resources.views.Views;
import io.hakit.server.resources.views.GroupDetails;
import jakarta.ws.rs.core.Response;

public final class ReplicationResource implements ReplicationApi {

    private final HaService service;
    private final Views views;

    public ReplicationResource(HaService service, Views views) {
        this.service = service;
        this.views = views;
    }

    @Override
    public Response actOnInstance(String version, String accountId, String instanceId, ConvertToHaAction request) {
        ConvertToHaSpec convert = request.getConvertToHa();
        HaGroup group = service.replicationSetups().convertToHa(accountId, instanceId, convert.getName(),
                RequestMapping.networks(convert.getNetworks()), RequestMapping.acls(convert.getAcls()));
        GroupDetails converted = service.asLeft(accountId, account -> GroupDetails.of(account, group));
        return ApiResponses.json(202, views.convertedGroup(converted));
    }
}
