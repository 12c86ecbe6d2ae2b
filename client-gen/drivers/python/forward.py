"""Forward compatibility (ForwardCompatibilityTest): a group in a state this client does not know, with fields it
does not know, in a show and in a list, and faults by a name it does not know (409), 422 and a 413 whose seconds are
only in Retry-After (a number, then an HTTP-date), and a restart's 202 of white space only, read through the Python
client's HaApi.
Usage: PYTHONPATH=target/clients/python python3 forward.py BASE_URL GROUP_ID"""
import sys

import ha_client
from ha_client.ha_api import HaApi, HaFault


def expect(condition, what):
    if not condition:
        raise SystemExit("forward failed: " + what)


def fault(call):
    try:
        call()
    except HaFault as f:
        return f
    raise SystemExit("expected a fault")


def thrown(call):
    try:
        call()
    except Exception as e:
        return e
    raise SystemExit("expected an exception")


def main(base, group):
    api = HaApi(ha_client.ApiClient(ha_client.Configuration(host=base, api_key={"XAuthToken": "forward-token"})), "1234")

    shown = api.show_ha_instance(group).ha_instance
    expect(shown.id == group and shown.name == "ha-1" and shown.state == ha_client.HaState.UNKNOWN_DEFAULT_OPEN_API
           and shown.volume.size == 1 and shown.flavor.links[0].rel == "unknown_default_open_api"
           and shown.networks[0].network == ha_client.NetworkName.UNKNOWN_DEFAULT_OPEN_API
           and shown.networks[1].network == ha_client.NetworkName.SERVICENET,
           "a group in an unknown state, with unknown fields, is read: %r" % shown)

    listed = api.list_ha_instances().ha_instances
    expect(len(listed) == 2 and listed[0].id == group and listed[0].state == ha_client.HaState.UNKNOWN_DEFAULT_OPEN_API
           and listed[1].state == ha_client.HaState.ACTIVE, "a list holding a group in an unknown state is read: %r" % listed)

    conflict = fault(lambda: api.list_ha_acls(group))
    expect(conflict.status == 409 and conflict.fault_name == "conflictingRequest"
           and conflict.fault_message == "A change to this group is under way.", "an unknown fault is typed: %r" % conflict)

    refused = fault(lambda: api.delete_ha_instance(group))
    expect(refused.status == 422 and refused.fault_name == "unprocessableEntity"
           and refused.fault_message == "The group is being upgraded." and refused.details == "Wait for ACTIVE.",
           "a 422 is typed: %r" % refused)

    limited = fault(lambda: api.list_ha_backups(group))
    expect(limited.status == 413 and limited.fault_name == "overLimit" and limited.retry_after == 45,
           "a 413's seconds come from Retry-After: %r %r" % (limited, limited.retry_after))

    dated = fault(lambda: api.list_ha_backups("dated"))
    expect(dated.status == 413 and dated.retry_after is not None and 1 <= dated.retry_after <= 120,
           "a 413's seconds come from a Retry-After HTTP-date, two minutes ahead: %r %r" % (dated, dated.retry_after))
    expect(api.restart_ha_instance(group) is None, "a 202 whose body is only white space is read as no body")

    expect(not isinstance(thrown(lambda: api.show_ha_instance("unreadable")), HaFault), "a 200 the client cannot read is no fault")
    for shape in ("shapeless", "nameless"):
        missing = thrown(lambda: api.show_ha_instance(shape))
        expect(not isinstance(missing, HaFault),
               "a 200 without the documented group's required members (%s) is an error, no fault: %r" % (shape, missing))
    stranger = HaApi(ha_client.ApiClient(ha_client.Configuration(host="http://127.0.0.1:1",
                                                                 api_key={"XAuthToken": "forward-token"})), "1234")
    expect(not isinstance(thrown(stranger.list_ha_instances), HaFault), "a connection refused is no fault")
    print("forward ok")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
