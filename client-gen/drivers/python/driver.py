"""Runs all 21 operations and four typed faults (401, 404, 400, and a 413 injected by the control API) through the Python client's typed calls (HaApi)
against a reference server in the empty world (immediate transitions, strict ACL encoding, a configuration group and
a replication setup added by its control API). Any exception or wrong value fails it.
Usage: PYTHONPATH=target/clients/python python3 driver.py BASE_URL TOKEN CONFIGURATION_ID REPLICATION_INSTANCE_ID"""
import json
import sys
import time
import urllib.request

import ha_client
from ha_client.ha_api import HaApi, HaFault


def expect(condition, what):
    if not condition:
        raise SystemExit("driver failed: " + what)


def poll(done, what):
    for _ in range(20):
        if done():
            return
    raise SystemExit("not within 20 requests: " + what)


def fault(call):
    try:
        call()
    except HaFault as f:
        return f
    raise SystemExit("expected a fault")


def inject(base, fault_spec):
    request = urllib.request.Request(base.rstrip("/") + "/_emulator/faults", data=json.dumps(fault_spec).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as answer:
        expect(answer.status // 100 == 2, "the control API arms the fault")


def member(name):
    return ha_client.MemberSpec(name=name, flavorRef="2", volume=ha_client.VolumeRequest(size=1))


def main(base, token, configuration_id, replication_instance_id):
    def api_with(key):
        return HaApi(ha_client.ApiClient(ha_client.Configuration(host=base, api_key={"XAuthToken": key})), "1234")

    api = api_with(token)

    def active(ha_id):
        poll(lambda: api.show_ha_instance(ha_id).ha_instance.state == ha_client.HaState.ACTIVE, ha_id + " becomes ACTIVE")
        return api.show_ha_instance(ha_id).ha_instance

    created = api.create_ha_instance(ha_client.HaInstanceSpec(
        name="driver", datastore=ha_client.DatastoreRequest(type="mariadb", version="10.4"),
        replica_source=[member("source")], replicas=[member("replica-1")])).ha_instance
    expect(created.state == ha_client.HaState.BUILD, "create_ha_instance answers the group in BUILD")
    ha_id = created.id
    active(ha_id)
    expect(any(g.id == ha_id for g in api.list_ha_instances().ha_instances), "list_ha_instances holds it")

    api.add_ha_acl(ha_id, "10.0.0.0/8")
    expect(any(a.address == "10.0.0.0/8" for a in api.list_ha_acls(ha_id).acls), "add_ha_acl then list_ha_acls")
    api.delete_ha_acl(ha_id, "10.0.0.0/8")
    expect(not any(a.address == "10.0.0.0/8" for a in api.list_ha_acls(ha_id).acls), "delete_ha_acl (strict encoding)")

    # a rate limit's 413 reaches the caller at once (the generated client's urllib3 would wait out Retry-After and retry)
    inject(base, {"operation": "listHaAcls", "status": 413, "count": 1, "retryAfterSeconds": 30})
    started = time.monotonic()
    limited = fault(lambda: api.list_ha_acls(ha_id))
    expect(time.monotonic() - started < 10, "a 413 is raised at once, not retried after Retry-After")
    expect(limited.status == 413 and limited.fault_name == "overLimit" and limited.retry_after == 30
           and limited.details is None, "a 413 is an overLimit fault with retry_after 30 and no details: %r" % vars(limited))

    expect(api.add_replica(ha_id, member("replica-2")) is None, "add_replica answers with no body")
    expect(len(active(ha_id).replicas) == 2, "add_replica")
    api.remove_replica(ha_id, api.show_ha_instance(ha_id).ha_instance.replicas[1].id)
    expect(len(active(ha_id).replicas) == 1, "remove_replica")
    api.resize_volume(ha_id, 2)
    expect(active(ha_id).volume.size == 2, "resize_volume")
    api.resize_flavor(ha_id, "3")
    expect(active(ha_id).flavor.id == 3, "resize_flavor")
    expect(api.restart_ha_instance(ha_id) is None, "restart_ha_instance answers with no body")
    active(ha_id)
    api.attach_configuration(ha_id, configuration_id)
    expect(active(ha_id).configuration.id == configuration_id, "attach_configuration")
    api.detach_configuration(ha_id)
    expect(active(ha_id).configuration is None, "detach_configuration")

    backup = api.create_backup(ha_client.BackupSpec(
        name="driver-backup", source=ha_client.BackupSource(type="ha", id=ha_id))).backup
    poll(lambda: api.show_backup(backup.id).backup.status == "COMPLETED", "the backup completes")
    expect(any(b.id == backup.id for b in api.list_backups().backups), "list_backups")
    expect(any(b.id == backup.id for b in api.list_ha_backups(ha_id).backups), "list_ha_backups")
    expect(any(b.id == backup.id for b in api.list_backups(datastore="mariadb").backups)
           and not api.list_backups(datastore="mysql").backups, "list_backups with datastore sends it")
    expect(not api.list_ha_backups(ha_id, limit=1, marker=backup.id).backups,
           "list_ha_backups with limit and marker sends them")
    api.delete_backup(backup.id)
    active(ha_id)

    upgrading = api.upgrade_ha_instance(ha_id, ha_client.UpgradeTarget(
        datastore_type="mariadb", datastore_version="10.4enc")).ha_instance
    expect(upgrading.state == ha_client.HaState.UPGRADING, "upgrade_ha_instance answers the group in UPGRADING")
    expect(active(ha_id).datastore.version == "10.4enc", "the upgrade completes")

    converted = api.convert_to_ha(replication_instance_id, ha_client.ConvertToHaSpec(name="driver-converted")).ha_instance
    expect(converted.state == ha_client.HaState.BUILD, "convert_to_ha answers the new group in BUILD")
    active(converted.id)
    first = api.list_ha_instances(limit=1).ha_instances
    expect(len(first) == 1, "list_ha_instances with limit 1 answers one group")
    second = api.list_ha_instances(limit=1, marker=first[0].id).ha_instances
    expect(len(second) == 1 and second[0].id != first[0].id and {first[0].id, second[0].id} == {ha_id, converted.id},
           "list_ha_instances with the first page's marker answers the other group")
    api.delete_ha_instance(converted.id)
    api.delete_ha_instance(ha_id)
    poll(lambda: fault(lambda: api.show_ha_instance(ha_id)).status == 404, "delete_ha_instance: the group is gone")

    unauthorized = fault(lambda: api_with("not-a-token").list_ha_instances())
    expect(unauthorized.status == 401 and unauthorized.fault_name == "unauthorized", "a 401 is an unauthorized fault")
    missing = fault(lambda: api.show_ha_instance("no-such-group"))
    expect(missing.status == 404 and missing.fault_name == "itemNotFound" and "no-such-group" in missing.fault_message,
           "a 404 is an itemNotFound fault")
    bad = fault(lambda: api.create_backup(ha_client.BackupSpec(name="names-nothing")))
    expect(bad.status == 400 and bad.fault_name == "badRequest", "a 400 is a badRequest fault")
    print("driver ok: 21 operations, paging, 4 faults")


if __name__ == "__main__":
    main(*sys.argv[1:5])
