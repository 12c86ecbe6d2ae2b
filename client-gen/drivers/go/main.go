// Runs all 21 operations and four typed faults (401, 404, 400, and a 413 injected by the control API) through the Go client's typed calls (HaApi) against
// a reference server in the empty world (immediate transitions, strict ACL encoding, a configuration group and a
// replication setup added by its control API). Any error or wrong value fails it.
// Usage: driver BASE_URL TOKEN CONFIGURATION_ID REPLICATION_INSTANCE_ID (or driver forward BASE_URL GROUP_ID: forward.go)
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	haclient "github.com/hakit/ha-client-go"
)

func expect(ok bool, what string) {
	if !ok {
		fmt.Fprintln(os.Stderr, "driver failed: "+what)
		os.Exit(1)
	}
}

func must[T any](value T, err error) T {
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver failed:", err)
		os.Exit(1)
	}
	return value
}

func ok(err error) {
	must(0, err)
}

func poll(done func() bool, what string) {
	for i := 0; i < 20; i++ {
		if done() {
			return
		}
	}
	expect(false, "not within 20 requests: "+what)
}

// inject arms a fault with the reference server's control API.
func inject(base, spec string) {
	answer, err := http.Post(strings.TrimRight(base, "/")+"/_emulator/faults", "application/json", strings.NewReader(spec))
	expect(err == nil && answer.StatusCode/100 == 2, fmt.Sprintf("the control API arms the fault: %v", err))
	answer.Body.Close()
}

func fault(err error) *haclient.HaFault {
	var f *haclient.HaFault
	expect(errors.As(err, &f), fmt.Sprint("expected a fault, got ", err))
	return f
}

func member(name string) haclient.MemberSpec {
	return *haclient.NewMemberSpec(name, "2", *haclient.NewVolumeRequest(1))
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "forward" {
		forward(os.Args[2], os.Args[3])
		return
	}
	base, token, configurationID, replicationInstanceID := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	apiWith := func(key string) *haclient.HaApi {
		cfg := haclient.NewConfiguration()
		cfg.Servers = haclient.ServerConfigurations{{URL: base}}
		ctx := context.WithValue(context.Background(), haclient.ContextAPIKeys,
			map[string]haclient.APIKey{"XAuthToken": {Key: key}})
		return haclient.NewHaApi(haclient.NewAPIClient(cfg), ctx, "1234")
	}
	api := apiWith(token)
	active := func(id string) haclient.HaInstance {
		poll(func() bool { return must(api.ShowHaInstance(id)).HaInstance.State == haclient.ACTIVE }, id+" becomes ACTIVE")
		return must(api.ShowHaInstance(id)).HaInstance
	}

	spec := haclient.NewHaInstanceSpec("driver", *haclient.NewDatastoreRequest("mariadb", "10.4"),
		[]haclient.MemberSpec{member("source")}, []haclient.MemberSpec{member("replica-1")})
	created := must(api.CreateHaInstance(*spec)).HaInstance
	expect(created.State == haclient.BUILD, "CreateHaInstance answers the group in BUILD")
	id := created.Id
	active(id)
	listed := false
	for _, g := range must(api.ListHaInstances()).HaInstances {
		listed = listed || g.Id == id
	}
	expect(listed, "ListHaInstances holds it")

	hasACL := func() bool {
		for _, a := range must(api.ListHaAcls(id)).Acls {
			if a.Address == "10.0.0.0/8" {
				return true
			}
		}
		return false
	}
	ok(api.AddHaAcl(id, "10.0.0.0/8"))
	expect(hasACL(), "AddHaAcl then ListHaAcls")
	ok(api.DeleteHaAcl(id, "10.0.0.0/8"))
	expect(!hasACL(), "DeleteHaAcl (strict encoding)")

	inject(base, `{"operation": "listHaAcls", "status": 413, "count": 1, "retryAfterSeconds": 30}`)
	started := time.Now()
	_, limitedErr := api.ListHaAcls(id)
	limited := fault(limitedErr)
	expect(time.Since(started) < 10*time.Second, "a 413 is returned at once, not retried after Retry-After")
	expect(limited.Status == 413 && limited.FaultName == "overLimit" && limited.RetryAfter != nil && *limited.RetryAfter == 30 &&
		limited.Details == nil, fmt.Sprintf("a 413 is an overLimit fault with RetryAfter 30 and no details: %v", limited.RetryAfter))

	ok(api.AddReplica(id, member("replica-2")))
	expect(len(active(id).Replicas) == 2, "AddReplica")
	ok(api.RemoveReplica(id, must(api.ShowHaInstance(id)).HaInstance.Replicas[1].Id))
	expect(len(active(id).Replicas) == 1, "RemoveReplica")
	ok(api.ResizeVolume(id, 2))
	expect(active(id).Volume.Size == 2, "ResizeVolume")
	ok(api.ResizeFlavor(id, "3"))
	expect(active(id).Flavor.Id == 3, "ResizeFlavor")
	ok(api.RestartHaInstance(id))
	active(id)
	ok(api.AttachConfiguration(id, configurationID))
	attached := active(id).Configuration.Get()
	expect(attached != nil && attached.Id == configurationID, "AttachConfiguration")
	ok(api.DetachConfiguration(id))
	expect(active(id).Configuration.Get() == nil, "DetachConfiguration")

	backupSpec := haclient.NewBackupSpec("driver-backup")
	backupSpec.SetSource(*haclient.NewBackupSource("ha", id))
	backup := must(api.CreateBackup(*backupSpec)).Backup
	poll(func() bool { return must(api.ShowBackup(backup.Id)).Backup.Status == "COMPLETED" }, "the backup completes")
	inList := func(list *haclient.BackupList) bool {
		for _, b := range list.Backups {
			if b.Id == backup.Id {
				return true
			}
		}
		return false
	}
	expect(inList(must(api.ListBackups())), "ListBackups")
	expect(inList(must(api.ListHaBackups(id))), "ListHaBackups")
	expect(inList(must(api.ListBackups(haclient.ListBackupsQuery{Datastore: haclient.PtrString("mariadb")}))) &&
		len(must(api.ListBackups(haclient.ListBackupsQuery{Datastore: haclient.PtrString("mysql")})).Backups) == 0,
		"ListBackups with datastore sends it")
	expect(len(must(api.ListHaBackups(id, haclient.ListHaBackupsQuery{Limit: haclient.PtrInt32(1), Marker: &backup.Id})).Backups) == 0,
		"ListHaBackups with limit and marker sends them")
	ok(api.DeleteBackup(backup.Id))
	active(id)

	upgrading := must(api.UpgradeHaInstance(id, *haclient.NewUpgradeTarget("mariadb", "10.4enc"))).HaInstance
	expect(upgrading.State == haclient.UPGRADING, "UpgradeHaInstance answers the group in UPGRADING")
	expect(active(id).Datastore.Version == "10.4enc", "the upgrade completes")

	converted := must(api.ConvertToHa(replicationInstanceID, *haclient.NewConvertToHaSpec("driver-converted"))).HaInstance
	expect(converted.State == haclient.BUILD, "ConvertToHa answers the new group in BUILD")
	active(converted.Id)
	first := must(api.ListHaInstances(haclient.ListHaInstancesQuery{Limit: haclient.PtrInt32(1)})).HaInstances
	expect(len(first) == 1, "ListHaInstances with limit 1 answers one group")
	second := must(api.ListHaInstances(haclient.ListHaInstancesQuery{Limit: haclient.PtrInt32(1), Marker: &first[0].Id})).HaInstances
	expect(len(second) == 1 && second[0].Id != first[0].Id &&
		(first[0].Id == id && second[0].Id == converted.Id || first[0].Id == converted.Id && second[0].Id == id),
		"ListHaInstances with the first page's marker answers the other group")
	ok(api.DeleteHaInstance(converted.Id))
	ok(api.DeleteHaInstance(id))
	poll(func() bool { _, err := api.ShowHaInstance(id); return err != nil && fault(err).Status == 404 }, "the group is gone")

	_, err := apiWith("not-a-token").ListHaInstances()
	expect(fault(err).Status == 401 && fault(err).FaultName == "unauthorized", "a 401 is an unauthorized fault")
	_, err = api.ShowHaInstance("no-such-group")
	expect(fault(err).Status == 404 && fault(err).FaultName == "itemNotFound", "a 404 is an itemNotFound fault")
	_, err = api.CreateBackup(*haclient.NewBackupSpec("names-nothing"))
	expect(fault(err).Status == 400 && fault(err).FaultName == "badRequest", "a 400 is a badRequest fault")
	fmt.Println("driver ok: 21 operations, paging, 4 faults")
}
