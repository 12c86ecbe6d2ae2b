// Drives a few operations of the generated Go client against a running reference server in its documented
// world. Usage: go run . BASE_URL TOKEN. Prints "smoke ok: N operations".
package main

import (
	"context"
	"fmt"
	"os"

	haclient "github.com/hakit/ha-client-go"
)

const ha1 = "e7fdf90b-7140-4edb-b449-e093d55008fb"
const upgradable = "67a59adb-d678-4092-b9a9-8cbe4ca39b4b" // the documented world's MySQL 5.6 group

func check(ok bool, what string) {
	if !ok {
		fmt.Fprintln(os.Stderr, "smoke failed: "+what)
		os.Exit(1)
	}
}

func main() {
	base, token := os.Args[1], os.Args[2]
	cfg := haclient.NewConfiguration()
	cfg.Servers = haclient.ServerConfigurations{{URL: base}}
	client := haclient.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), haclient.ContextAPIKeys,
		map[string]haclient.APIKey{"XAuthToken": {Key: token}})

	list, _, err := client.HAInstancesAPI.ListHaInstances(ctx, "v1.0", "1234").Execute()
	check(err == nil, fmt.Sprint("list: ", err))
	found := false
	for _, g := range list.HaInstances {
		found = found || g.Id == ha1
	}
	check(found, "the list holds ha-1")

	shown, _, err := client.HAInstancesAPI.ShowHaInstance(ctx, "v1.0", "1234", ha1).Execute()
	check(err == nil && shown.HaInstance.State == haclient.ACTIVE && len(shown.HaInstance.Replicas) == 1,
		fmt.Sprint("ha-1 is ACTIVE with a replica: ", err))

	restart := haclient.HaActionRequest{Restart: map[string]interface{}{}}
	none, answer, err := client.HAActionsAPI.ActOnHaInstance(ctx, "v1.0", "1234", ha1).HaActionRequest(restart).Execute()
	check(err == nil && answer.StatusCode == 202 && none == nil, fmt.Sprint("restart is accepted with no answer: ", err))

	upgrade := haclient.HaActionRequest{Upgrade: haclient.NewUpgradeTarget("mysql", "5.7")}
	upgraded, _, err := client.HAActionsAPI.ActOnHaInstance(ctx, "v1.0", "1234", upgradable).HaActionRequest(upgrade).Execute()
	check(err == nil && upgraded != nil && upgraded.HaInstance.State == haclient.UPGRADING,
		fmt.Sprint("upgrade answers with the group in UPGRADING: ", err))

	after, _, err := client.HAInstancesAPI.ShowHaInstance(ctx, "v1.0", "1234", ha1).Execute()
	check(err == nil && after.HaInstance.State == haclient.REBOOT, "ha-1 reboots")

	_, answer, err = client.HAInstancesAPI.ShowHaInstance(ctx, "v1.0", "1234", "no-such-group").Execute()
	check(err != nil && answer.StatusCode == 404, "an unknown group is 404")
	fault, ok := err.(*haclient.GenericOpenAPIError)
	check(ok && len(fault.Body()) > 0, "the 404 carries a fault body")
	fmt.Println("smoke ok: 6 operations")
}
