// Drives the openapi-typescript types (generated from the bundle into target/clients/openapi-typescript/schema.d.ts)
// with openapi-fetch against a running reference server in its documented world, through openapi-fetch's ordinary
// API. Usage: node smoke.js BASE_URL TOKEN. Prints "smoke ok: N operations".
import createClient from 'openapi-fetch';
import type { paths } from '../../target/clients/openapi-typescript/schema';

const HA_1 = 'e7fdf90b-7140-4edb-b449-e093d55008fb';
const UPGRADABLE = '67a59adb-d678-4092-b9a9-8cbe4ca39b4b'; // the documented world's MySQL 5.6 group

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('smoke failed: ' + what);
    }
}

async function main(): Promise<void> {
    const [baseUrl, token] = process.argv.slice(2);
    const client = createClient<paths>({ baseUrl, headers: { 'X-Auth-Token': token } });
    const account = { version: 'v1.0' as const, accountId: '1234' };

    const list = await client.GET('/{version}/{accountId}/ha', { params: { path: account } });
    check(list.data?.ha_instances.some((g) => g.id === HA_1) === true, 'the list holds ha-1');

    const shown = await client.GET('/{version}/{accountId}/ha/{haId}', { params: { path: { ...account, haId: HA_1 } } });
    check(shown.data?.ha_instance.state === 'ACTIVE', 'ha-1 is ACTIVE');

    const restart = await client.POST('/{version}/{accountId}/ha/{haId}/action', {
        params: { path: { ...account, haId: HA_1 } }, body: { restart: {} } });
    check(restart.error === undefined && restart.response.status === 202 && !restart.data, 'restart: 202, no answer');

    const upgrade = await client.POST('/{version}/{accountId}/ha/{haId}/action', {
        params: { path: { ...account, haId: UPGRADABLE } },
        body: { upgrade: { datastore_type: 'mysql', datastore_version: '5.7' } } });
    check(upgrade.data?.ha_instance.state === 'UPGRADING', 'upgrade answers with the group in UPGRADING');

    const after = await client.GET('/{version}/{accountId}/ha/{haId}', { params: { path: { ...account, haId: HA_1 } } });
    check(after.data?.ha_instance.state === 'REBOOT', 'ha-1 reboots');

    const missing = await client.GET('/{version}/{accountId}/ha/{haId}', {
        params: { path: { ...account, haId: 'no-such-group' } } });
    check(missing.response.status === 404 && missing.error !== undefined && 'itemNotFound' in missing.error
        && missing.error.itemNotFound.code === 404, 'an unknown group is a typed itemNotFound fault');
    console.log('smoke ok: 6 operations');
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
