package io.hakit.server.resources;

import io.hakit.server.api.BackupsApi;
import io.hakit.server.api.model.BackupSpec;
import io.hakit.server.api.model.CreateBackupRequest;
import io.hakit.server.domain.Backup;
import io.hakit.server.domain.DomainException;
import io.hakit.server.domain.HaService;
import io.hakit.server.domain.NewBackup;
import io.hakit.server.resources.views.Links;
import io.hakit.server.resources.views.Views;
import jakarta.ws.rs.core.Response;

public final class BackupsResource implements BackupsApi {

    private final HaService service;
    private final Views views;

    public BackupsResource(HaService service, Views views) {
        this.service = service;
        this.views = views;
    }

    @Override
    public Response createBackup(String version, String accountId, CreateBackupRequest request) {
        BackupSpec spec = request.getBackup();
        String sourceType = spec.getSource() != null ? spec.getSource().getType().toString() : "instance";
        String sourceId = spec.getSource() != null ? spec.getSource().getId() : spec.getInstance();
        requireOneSource(spec, sourceType, sourceId);
        Backup backup = service.backups().create(accountId, new NewBackup(spec.getName(), spec.getDescription(),
                sourceType, sourceId, spec.getParentId()));
        return ApiResponses.json(202, service.asLeft(accountId, account -> views.backup(backup, service.world().catalog())));
    }

    /**
     * An HA backup names its group in source, with no instance; a classic instance backup names the instance, in
     * instance or in source (the same one if both). A body that names neither, or two things, is refused (400).
     */
    private static void requireOneSource(BackupSpec spec, String sourceType, String sourceId) {
        if (sourceId == null) {
            throw DomainException.badRequest("A backup names an HA group in 'source' or an instance in 'instance'.");
        }
        if (spec.getInstance() == null || spec.getSource() == null) {
            return;
        }
        if (sourceType.equals("ha")) {
            throw DomainException.badRequest("A backup of an HA group names the group in 'source' and no 'instance'.");
        }
        if (!spec.getInstance().equals(sourceId)) {
            throw DomainException.badRequest("'instance' and 'source' name two different instances: name one.");
        }
    }

    @Override
    public Response showBackup(String version, String accountId, String backupId) {
        return ApiResponses.ok(service.read(accountId,
                account -> views.backup(service.backups().show(accountId, backupId), service.world().catalog())));
    }

    @Override
    public Response listBackups(String version, String accountId, String datastore, Integer limit, String marker) {
        return ApiResponses.ok(service.read(accountId, account -> views.backupList(accountId, "backups",
                service.backups().list(accountId, datastore, marker, limit), limit, service.world().catalog())));
    }

    @Override
    public Response listHaBackups(String version, String accountId, String haId, Integer limit, String marker) {
        return ApiResponses.ok(service.read(accountId, account -> views.backupList(accountId, "ha/" + Links.segment(haId) + "/backups",
                service.backups().listForGroup(accountId, haId, marker, limit), limit, service.world().catalog())));
    }

    @Override
    public Response deleteBackup(String version, String accountId, String backupId) {
        service.backups().delete(accountId, backupId);
        return ApiResponses.empty(202);
    }
}
