// Forward compatibility (ForwardCompatibilityTest): a group in a state this client does not know, with fields it
// does not know, in a show and in a list, and faults by a name it does not know (409), 422 and a 413 whose seconds
// are only in Retry-After (a number, then an HTTP-date), and a restart's 202 of white space only, read through the
// Go client's HaApi.
// Usage: driver forward BASE_URL GROUP_ID
package main

import (
	"context"
	"errors"
	"fmt"

	haclient "github.com/hakit/ha-client-go"
)

func forward(base, group string) {
	cfg := haclient.NewConfiguration()
	cfg.Servers = haclient.ServerConfigurations{{URL: base}}
	ctx := context.WithValue(context.Background(), haclient.ContextAPIKeys,
		map[string]haclient.APIKey{"XAuthToken": {Key: "forward-token"}})
	api := haclient.NewHaApi(haclient.NewAPIClient(cfg), ctx, "1234")

	shown := must(api.ShowHaInstance(group)).HaInstance
	expect(shown.Id == group && shown.Name == "ha-1" && shown.State == haclient.HASTATE_UNKNOWN_DEFAULT_OPEN_API && shown.Volume.Size == 1 &&
		shown.Flavor.Links[0].Rel == "describedby" && shown.Networks[0].Network == haclient.NETWORKNAME_UNKNOWN_DEFAULT_OPEN_API &&
		shown.Networks[1].Network == haclient.SERVICENET,
		fmt.Sprintf("a group in an unknown state, with unknown fields, is read: %+v", shown))

	listed := must(api.ListHaInstances()).HaInstances
	expect(len(listed) == 2 && listed[0].Id == group && listed[0].State == haclient.HASTATE_UNKNOWN_DEFAULT_OPEN_API && listed[1].State == haclient.ACTIVE,
		fmt.Sprintf("a list holding a group in an unknown state is read: %+v", listed))

	_, err := api.ListHaAcls(group)
	conflict := fault(err)
	expect(conflict.Status == 409 && conflict.FaultName == "conflictingRequest" &&
		conflict.FaultMessage == "A change to this group is under way.", fmt.Sprintf("an unknown fault is typed: %+v", conflict))

	refused := fault(api.DeleteHaInstance(group))
	expect(refused.Status == 422 && refused.FaultName == "unprocessableEntity" && refused.FaultMessage == "The group is being upgraded." &&
		refused.Details != nil && *refused.Details == "Wait for ACTIVE.", fmt.Sprintf("a 422 is typed: %+v", refused))

	_, err = api.ListHaBackups(group)
	limited := fault(err)
	expect(limited.Status == 413 && limited.FaultName == "overLimit" && limited.RetryAfter != nil && *limited.RetryAfter == 45,
		fmt.Sprintf("a 413's seconds come from Retry-After: %+v", limited))
	_, err = api.ListHaBackups("dated")
	dated := fault(err)
	expect(dated.Status == 413 && dated.RetryAfter != nil && *dated.RetryAfter >= 1 && *dated.RetryAfter <= 120,
		fmt.Sprintf("a 413's seconds come from a Retry-After HTTP-date, two minutes ahead: %+v", dated))
	err = api.RestartHaInstance(group)
	expect(err == nil, fmt.Sprintf("a 202 whose body is only white space is read as no body: %v", err))

	var f *haclient.HaFault
	_, err = api.ShowHaInstance("unreadable")
	expect(err != nil && !errors.As(err, &f), fmt.Sprintf("a 200 the client cannot read is no fault: %v", err))
	for _, shape := range []string{"shapeless", "nameless"} {
		_, err = api.ShowHaInstance(shape)
		expect(err != nil && !errors.As(err, &f), fmt.Sprintf("a 200 without the documented group's required members (%s) is an error, no fault: %v", shape, err))
	}
	cfg.Servers = haclient.ServerConfigurations{{URL: "http://127.0.0.1:1"}}
	_, err = haclient.NewHaApi(haclient.NewAPIClient(cfg), ctx, "1234").ListHaInstances()
	expect(err != nil && !errors.As(err, &f), fmt.Sprintf("a connection refused is no fault: %v", err))
	fmt.Println("forward ok")
}
