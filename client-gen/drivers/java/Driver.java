package io.hakit.client.drivers;

import io.hakit.client.HaApi;
import io.hakit.client.HaFault;
import io.hakit.client.invoker.ApiClient;
import io.hakit.client.model.*;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs all 21 operations and four typed faults (401, 404, 400, and a 413 injected by the control API) through the Java client's typed calls (HaApi) and
 * its models only, against a reference server in the empty world with immediate transitions, strict ACL encoding,
 * and the configuration group and replication setup its control API added. Any exception or wrong value fails it.
 * The same source drives the java generator's libraries native, okhttp-gson and restclient: the build writes the
 * two others from this one by their packages and the one line that makes their ApiClient (CLIENT below).
 * Usage: Driver BASE_URL TOKEN CONFIGURATION_ID REPLICATION_INSTANCE_ID.
 */
public final class Driver {

    private Driver() {}

    public static void main(String[] args) {
        run(args[0], args[1], args[2], args[3]);
    }

    static ApiClient client(String base, String token) {
        return io.hakit.client.HaClients.create(java.net.URI.create(base), token); // CLIENT
    }

    public static void run(String base, String token, String configurationId, String replicationInstanceId) {
        HaApi api = new HaApi(client(base, token), "1234");

        HaInstance created = api.createHaInstance(new HaInstanceSpec().name("driver")
                .datastore(new DatastoreRequest().type("mariadb").version("10.4"))
                .replicaSource(List.of(member("source"))).replicas(List.of(member("replica-1")))).getHaInstance();
        expect(created.getState() == HaState.BUILD, "createHaInstance answers the group in BUILD");
        String id = created.getId();
        active(api, id);
        expect(api.listHaInstances().getHaInstances().stream().anyMatch(g -> g.getId().equals(id)), "listHaInstances holds it");

        api.addHaAcl(id, "10.0.0.0/8");
        expect(acls(api, id).contains("10.0.0.0/8"), "addHaAcl then listHaAcls");
        api.deleteHaAcl(id, "10.0.0.0/8");
        expect(!acls(api, id).contains("10.0.0.0/8"), "deleteHaAcl (the address sent as documented: strict mode)");

        inject(base, "{\"operation\": \"listHaAcls\", \"status\": 413, \"count\": 1, \"retryAfterSeconds\": 30}");
        long started = System.nanoTime();
        HaFault limited = fault(() -> api.listHaAcls(id));
        expect(System.nanoTime() - started < 10_000_000_000L, "a 413 is thrown at once, not retried after Retry-After");
        expect(limited.status() == 413 && limited.faultName().equals("overLimit") && limited.retryAfter().equals(java.util.OptionalLong.of(30))
                && limited.details().isEmpty(), "a 413 is an overLimit fault with retryAfter 30 and no details: " + limited.retryAfter());

        api.addReplica(id, member("replica-2"));
        expect(active(api, id).getReplicas().size() == 2, "addReplica");
        String replica = api.showHaInstance(id).getHaInstance().getReplicas().get(1).getId();
        api.removeReplica(id, replica);
        expect(active(api, id).getReplicas().size() == 1, "removeReplica");
        api.resizeVolume(id, 2);
        expect(active(api, id).getVolume().getSize() == 2, "resizeVolume");
        api.resizeFlavor(id, "3");
        expect(active(api, id).getFlavor().getId() == 3, "resizeFlavor");
        api.restartHaInstance(id);
        active(api, id);
        api.attachConfiguration(id, configurationId);
        expect(configurationId.equals(active(api, id).getConfiguration().getId()), "attachConfiguration");
        api.detachConfiguration(id);
        expect(active(api, id).getConfiguration() == null, "detachConfiguration");
        // the generated models' own fluent setter of the wire's configuration member is configuration(...), not
        // the generator's _configuration(...) for a word it reserves (client-gen/pom.xml maps it to itself)
        expect("".equals(new ConfigurationChange().configuration("").getConfiguration())
                && configurationId.equals(new HaInstanceSpec().configuration(configurationId).getConfiguration()),
                "the models' configuration(...) setters");

        Backup backup = api.createBackup(new BackupSpec().name("driver-backup")
                .source(new BackupSource().type(BackupSource.TypeEnum.HA).id(id))).getBackup();
        poll(() -> api.showBackup(backup.getId()).getBackup().getStatus() == Backup.StatusEnum.COMPLETED, "the backup completes");
        expect(api.listBackups().getBackups().stream().anyMatch(b -> b.getId().equals(backup.getId())), "listBackups");
        expect(api.listHaBackups(id).getBackups().stream().anyMatch(b -> b.getId().equals(backup.getId())), "listHaBackups");
        expect(api.listBackups("mariadb", null, null).getBackups().stream().anyMatch(b -> b.getId().equals(backup.getId()))
                && api.listBackups("mysql", null, null).getBackups().isEmpty(), "listBackups with datastore sends it");
        expect(api.listHaBackups(id, 1, backup.getId()).getBackups().isEmpty(), "listHaBackups with limit and marker sends them");
        api.deleteBackup(backup.getId());
        active(api, id);

        UpgradeStarted upgrading = api.upgradeHaInstance(id, new UpgradeTarget().datastoreType("mariadb")
                .datastoreVersion("10.4enc")).getHaInstance();
        expect(upgrading.getState() == HaState.UPGRADING, "upgradeHaInstance answers the group in UPGRADING");
        expect(active(api, id).getDatastore().getVersion().equals("10.4enc"), "the upgrade completes");

        ConvertedHaInstance converted = api.convertToHa(replicationInstanceId, new ConvertToHaSpec().name("driver-converted"))
                .getHaInstance();
        expect(converted.getState() == HaState.BUILD, "convertToHa answers the new group in BUILD");
        active(api, converted.getId());
        List<HaInstanceSummary> first = api.listHaInstances(1, null).getHaInstances();
        expect(first.size() == 1, "listHaInstances with limit 1 answers one group");
        List<HaInstanceSummary> second = api.listHaInstances(1, first.get(0).getId()).getHaInstances();
        expect(second.size() == 1 && !second.get(0).getId().equals(first.get(0).getId())
                && java.util.Set.of(id, converted.getId()).equals(java.util.Set.of(first.get(0).getId(), second.get(0).getId())),
                "listHaInstances with the first page's marker answers the other group");
        api.deleteHaInstance(converted.getId());
        api.deleteHaInstance(id);
        poll(() -> fault(() -> api.showHaInstance(id)).status() == 404, "deleteHaInstance: the group is gone");

        HaFault unauthorized = fault(() -> new HaApi(client(base, "not-a-token"), "1234").listHaInstances());
        expect(unauthorized.status() == 401 && unauthorized.faultName().equals("unauthorized"), "a 401 is an unauthorized fault");
        HaFault missing = fault(() -> api.showHaInstance("no-such-group"));
        expect(missing.status() == 404 && missing.faultName().equals("itemNotFound")
                && missing.faultMessage().contains("no-such-group"), "a 404 is an itemNotFound fault");
        HaFault bad = fault(() -> api.createBackup(new BackupSpec().name("names-nothing")));
        expect(bad.status() == 400 && bad.faultName().equals("badRequest"), "a 400 is a badRequest fault");
        System.out.println("driver ok: 21 operations, paging, 4 faults");
    }

    private static MemberSpec member(String name) {
        return new MemberSpec().name(name).flavorRef("2").volume(new VolumeRequest().size(1));
    }

    private static List<String> acls(HaApi api, String id) {
        return api.listHaAcls(id).getAcls().stream().map(AclRule::getAddress).toList();
    }

    /** Polls (transitions are immediate: each completes on the next request) until the group is ACTIVE. */
    private static HaInstance active(HaApi api, String id) {
        poll(() -> api.showHaInstance(id).getHaInstance().getState() == HaState.ACTIVE, id + " becomes ACTIVE");
        return api.showHaInstance(id).getHaInstance();
    }

    private static void poll(Supplier<Boolean> done, String what) {
        for (int i = 0; i < 20; i++) {
            if (done.get()) {
                return;
            }
        }
        throw new AssertionError("not within 20 requests: " + what);
    }

    /** Arms a fault with the reference server's control API. */
    private static void inject(String base, String fault) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(base.replaceAll("/+$", "") + "/_emulator/faults"))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(fault)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            expect(answer.statusCode() / 100 == 2, "the control API arms the fault: " + answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("the control API did not answer", e);
        }
    }

    private static HaFault fault(Supplier<?> call) {
        try {
            call.get();
        } catch (HaFault fault) {
            return fault;
        }
        throw new AssertionError("expected a fault");
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("driver failed: " + what);
        }
    }
}
