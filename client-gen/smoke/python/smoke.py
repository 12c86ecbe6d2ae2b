"""Drives a few operations of the generated Python client against a running reference server in its documented
world. Usage: PYTHONPATH=target/clients/python python3 smoke.py BASE_URL TOKEN. Prints "smoke ok: N operations"."""
import sys

import ha_client
from ha_client.exceptions import NotFoundException

HA_1 = "e7fdf90b-7140-4edb-b449-e093d55008fb"
UPGRADABLE = "67a59adb-d678-4092-b9a9-8cbe4ca39b4b"  # the documented world's MySQL 5.6 group


def check(condition, what):
    if not condition:
        raise SystemExit("smoke failed: " + what)


def main(base_url, token):
    configuration = ha_client.Configuration(host=base_url, api_key={"XAuthToken": token})
    with ha_client.ApiClient(configuration) as client:
        groups = ha_client.HAInstancesApi(client)
        actions = ha_client.HAActionsApi(client)

        listed = groups.list_ha_instances("v1.0", "1234")
        check(any(g.id == HA_1 for g in listed.ha_instances), "the list holds ha-1")

        shown = groups.show_ha_instance("v1.0", "1234", HA_1).ha_instance
        check(shown.state == "ACTIVE" and len(shown.replicas) == 1, "ha-1 is ACTIVE with a replica")

        # Every action but upgrade answers 202 with no body: the ordinary method returns None (template override).
        answer = actions.act_on_ha_instance("v1.0", "1234", HA_1, ha_client.HaActionRequest(restart={}))
        check(answer is None, "restart is accepted with no answer")

        upgrade = ha_client.HaActionRequest(upgrade=ha_client.UpgradeTarget(datastore_type="mysql", datastore_version="5.7"))
        upgraded = actions.act_on_ha_instance("v1.0", "1234", UPGRADABLE, upgrade)
        check(upgraded.ha_instance.state == "UPGRADING", "upgrade answers with the group in UPGRADING")

        check(groups.show_ha_instance("v1.0", "1234", HA_1).ha_instance.state == "REBOOT", "ha-1 reboots")

        try:
            groups.show_ha_instance("v1.0", "1234", "no-such-group")
            check(False, "an unknown group is refused")
        except NotFoundException as e:
            check(e.status == 404 and "itemNotFound" in e.body, "an unknown group is an itemNotFound fault")
    print("smoke ok: 6 operations")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
