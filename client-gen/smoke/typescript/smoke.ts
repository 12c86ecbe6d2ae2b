// Drives a few operations of the generated TypeScript client (typescript-fetch) against a running reference
// server in its documented world. Usage: node smoke.js BASE_URL TOKEN. Prints "smoke ok: N operations".
import { Configuration, HAActionsApi, HAInstancesApi, ResponseError } from '../../target/clients/typescript/src';

const HA_1 = 'e7fdf90b-7140-4edb-b449-e093d55008fb';
const UPGRADABLE = '67a59adb-d678-4092-b9a9-8cbe4ca39b4b'; // the documented world's MySQL 5.6 group

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('smoke failed: ' + what);
    }
}

async function main(): Promise<void> {
    const [basePath, token] = process.argv.slice(2);
    const config = new Configuration({ basePath, apiKey: token });
    const groups = new HAInstancesApi(config);
    const actions = new HAActionsApi(config);

    const list = await groups.listHaInstances({ version: 'v1.0', accountId: '1234' });
    check(list.haInstances.some((g) => g.id === HA_1), 'the list holds ha-1');

    const shown = await groups.showHaInstance({ version: 'v1.0', accountId: '1234', haId: HA_1 });
    check(shown.haInstance.state === 'ACTIVE' && shown.haInstance.replicas.length === 1, 'ha-1 is ACTIVE with a replica');

    // Every action but upgrade answers 202 with no body: the ordinary method returns undefined (template override).
    const restart = await actions.actOnHaInstance({ version: 'v1.0', accountId: '1234', haId: HA_1,
        haActionRequest: { restart: {} } });
    check(restart === undefined, 'restart is accepted with no answer');

    const upgrade = await actions.actOnHaInstance({ version: 'v1.0', accountId: '1234', haId: UPGRADABLE,
        haActionRequest: { upgrade: { datastoreType: 'mysql', datastoreVersion: '5.7' } } });
    check(upgrade?.haInstance.state === 'UPGRADING', 'upgrade answers with the group in UPGRADING');

    const after = await groups.showHaInstance({ version: 'v1.0', accountId: '1234', haId: HA_1 });
    check(after.haInstance.state === 'REBOOT', 'ha-1 reboots');

    try {
        await groups.showHaInstance({ version: 'v1.0', accountId: '1234', haId: 'no-such-group' });
        check(false, 'an unknown group is refused');
    } catch (e) {
        check(e instanceof ResponseError && e.response.status === 404, 'an unknown group is 404');
        const fault = await (e as ResponseError).response.json();
        check(fault.itemNotFound.code === 404, 'the 404 is an itemNotFound fault');
    }
    console.log('smoke ok: 6 operations');
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
