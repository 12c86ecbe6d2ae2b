// Runs all 21 operations and four typed faults (401, 404, 400, and a 413 injected by the control API) through the Kotlin client's typed calls (HaApi)
// against a reference server in the empty world (immediate transitions, strict ACL encoding, a configuration group
// and a replication setup added by its control API). Any exception or wrong value fails it.
// Usage: DriverKt BASE_URL TOKEN CONFIGURATION_ID REPLICATION_INSTANCE_ID
package io.hakit.clients.kotlin.drivers

import io.hakit.clients.kotlin.HaApi
import io.hakit.clients.kotlin.HaFault
import io.hakit.clients.kotlin.models.*

private fun expect(condition: Boolean, what: String) {
    if (!condition) throw AssertionError("driver failed: $what")
}

private fun poll(what: String, done: () -> Boolean) {
    repeat(20) { if (done()) return }
    throw AssertionError("not within 20 requests: $what")
}

private fun fault(call: () -> Any?): HaFault {
    try {
        call()
    } catch (f: HaFault) {
        return f
    }
    throw AssertionError("expected a fault")
}

/** Arms a fault with the reference server's control API. */
private fun inject(base: String, fault: String) {
    val answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create(base.trimEnd('/') + "/_emulator/faults"))
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(fault)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString())
    expect(answer.statusCode() / 100 == 2, "the control API arms the fault: ${answer.body()}")
}

private fun member(name: String) = MemberSpec(name = name, flavorRef = "2", volume = VolumeRequest(propertySize = 1))

fun run(base: String, token: String, configurationId: String, replicationInstanceId: String) {
    val api = HaApi(base, "1234", token)
    fun active(id: String): HaInstance {
        poll("$id becomes ACTIVE") { api.showHaInstance(id).haInstance.state == HaState.ACTIVE }
        return api.showHaInstance(id).haInstance
    }

    val created = api.createHaInstance(HaInstanceSpec(name = "driver", datastore = DatastoreRequest(type = "mariadb",
        version = "10.4"), replicaSource = listOf(member("source")), replicas = listOf(member("replica-1")))).haInstance
    expect(created.state == HaState.BUILD, "createHaInstance answers the group in BUILD")
    val id = created.id
    active(id)
    expect(api.listHaInstances().haInstances.any { it.id == id }, "listHaInstances holds it")

    api.addHaAcl(id, "10.0.0.0/8")
    expect(api.listHaAcls(id).acls.any { it.address == "10.0.0.0/8" }, "addHaAcl then listHaAcls")
    api.deleteHaAcl(id, "10.0.0.0/8")
    expect(api.listHaAcls(id).acls.none { it.address == "10.0.0.0/8" }, "deleteHaAcl (strict encoding)")

    inject(base, """{"operation": "listHaAcls", "status": 413, "count": 1, "retryAfterSeconds": 30}""")
    val started = System.nanoTime()
    val limited = fault { api.listHaAcls(id) }
    expect(System.nanoTime() - started < 10_000_000_000L, "a 413 is thrown at once, not retried after Retry-After")
    expect(limited.status == 413 && limited.faultName == "overLimit" && limited.retryAfter == 30L && limited.details == null,
        "a 413 is an overLimit fault with retryAfter 30 and no details: ${limited.retryAfter}")

    api.addReplica(id, member("replica-2"))
    expect(active(id).replicas.size == 2, "addReplica")
    api.removeReplica(id, api.showHaInstance(id).haInstance.replicas[1].id)
    expect(active(id).replicas.size == 1, "removeReplica")
    api.resizeVolume(id, 2)
    expect(active(id).volume.propertySize == 2, "resizeVolume")
    api.resizeFlavor(id, "3")
    expect(active(id).flavor.id == 3, "resizeFlavor")
    api.restartHaInstance(id)
    active(id)
    api.attachConfiguration(id, configurationId)
    expect(active(id).configuration?.id == configurationId, "attachConfiguration")
    api.detachConfiguration(id)
    expect(active(id).configuration == null, "detachConfiguration")

    val backup = api.createBackup(BackupSpec(name = "driver-backup", source = BackupSource(type = BackupSource.Type.ha, id = id))).backup
    poll("the backup completes") { api.showBackup(backup.id).backup.status == Backup.Status.COMPLETED }
    expect(api.listBackups().backups.any { it.id == backup.id }, "listBackups")
    expect(api.listHaBackups(id).backups.any { it.id == backup.id }, "listHaBackups")
    expect(api.listBackups(datastore = "mariadb").backups.any { it.id == backup.id }
        && api.listBackups(datastore = "mysql").backups.isEmpty(), "listBackups with datastore sends it")
    expect(api.listHaBackups(id, limit = 1, marker = backup.id).backups.isEmpty(), "listHaBackups with limit and marker sends them")
    api.deleteBackup(backup.id)
    active(id)

    val upgrading = api.upgradeHaInstance(id, UpgradeTarget(datastoreType = "mariadb", datastoreVersion = "10.4enc")).haInstance
    expect(upgrading.state == HaState.UPGRADING, "upgradeHaInstance answers the group in UPGRADING")
    expect(active(id).datastore.version == "10.4enc", "the upgrade completes")

    val converted = api.convertToHa(replicationInstanceId, ConvertToHaSpec(name = "driver-converted")).haInstance
    expect(converted.state == HaState.BUILD, "convertToHa answers the new group in BUILD")
    active(converted.id)
    val first = api.listHaInstances(limit = 1).haInstances
    expect(first.size == 1, "listHaInstances with limit 1 answers one group")
    val second = api.listHaInstances(limit = 1, marker = first[0].id).haInstances
    expect(second.size == 1 && second[0].id != first[0].id && setOf(first[0].id, second[0].id) == setOf(id, converted.id),
        "listHaInstances with the first page's marker answers the other group")
    api.deleteHaInstance(converted.id)
    api.deleteHaInstance(id)
    poll("deleteHaInstance: the group is gone") { fault { api.showHaInstance(id) }.status == 404 }

    val unauthorized = fault { HaApi(base, "1234", "not-a-token").listHaInstances() }
    expect(unauthorized.status == 401 && unauthorized.faultName == "unauthorized", "a 401 is an unauthorized fault")
    val missing = fault { api.showHaInstance("no-such-group") }
    expect(missing.status == 404 && missing.faultName == "itemNotFound" && "no-such-group" in missing.faultMessage,
        "a 404 is an itemNotFound fault")
    val bad = fault { api.createBackup(BackupSpec(name = "names-nothing")) }
    expect(bad.status == 400 && bad.faultName == "badRequest", "a 400 is a badRequest fault")
    println("driver ok: 21 operations, paging, 4 faults")
}

fun main(args: Array<String>) = run(args[0], args[1], args[2], args[3])
