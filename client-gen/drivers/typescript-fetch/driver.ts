// Runs all 21 operations and four typed faults (401, 404, 400, and a 413 injected by the control API) through the typescript-fetch client's typed calls
// (HaApi) against a reference server in the empty world (immediate transitions, strict ACL encoding, a configuration
// group and a replication setup added by its control API). Any exception or wrong value fails it.
// Usage: node driver.js BASE_URL TOKEN CONFIGURATION_ID REPLICATION_INSTANCE_ID
import { Configuration } from '../../target/clients/typescript/src';
import { HaApi, HaFault } from '../../target/clients/typescript/src/HaApi';
import type { HaInstance, MemberSpec } from '../../target/clients/typescript/src/models';

function expect(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('driver failed: ' + what);
    }
}

async function poll(done: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 20; i++) {
        if (await done()) {
            return;
        }
    }
    throw new Error('not within 20 requests: ' + what);
}

/** Arms a fault with the reference server's control API. */
async function inject(base: string, spec: object): Promise<void> {
    const answer = await fetch(base.replace(/\/+$/, '') + '/_emulator/faults',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(spec) });
    expect(answer.ok, `the control API arms the fault: ${await answer.text()}`);
}

async function fault(call: () => Promise<unknown>): Promise<HaFault> {
    try {
        await call();
    } catch (e) {
        if (e instanceof HaFault) {
            return e;
        }
        throw e;
    }
    throw new Error('expected a fault');
}

const member = (name: string): MemberSpec => ({ name, flavorRef: '2', volume: { size: 1 } });

async function main(): Promise<void> {
    const [basePath, token, configurationId, replicationInstanceId] = process.argv.slice(2);
    const api = new HaApi(new Configuration({ basePath, apiKey: token }), '1234');
    const active = async (id: string): Promise<HaInstance> => {
        await poll(async () => (await api.showHaInstance(id)).haInstance.state === 'ACTIVE', id + ' becomes ACTIVE');
        return (await api.showHaInstance(id)).haInstance;
    };

    const created = (await api.createHaInstance({ name: 'driver', datastore: { type: 'mariadb', version: '10.4' },
        replicaSource: [member('source')], replicas: [member('replica-1')] })).haInstance;
    expect(created.state === 'BUILD', 'createHaInstance answers the group in BUILD');
    const id = created.id;
    await active(id);
    expect((await api.listHaInstances()).haInstances.some((g) => g.id === id), 'listHaInstances holds it');

    await api.addHaAcl(id, '10.0.0.0/8');
    expect((await api.listHaAcls(id)).acls.some((a) => a.address === '10.0.0.0/8'), 'addHaAcl then listHaAcls');
    await api.deleteHaAcl(id, '10.0.0.0/8');
    expect(!(await api.listHaAcls(id)).acls.some((a) => a.address === '10.0.0.0/8'), 'deleteHaAcl (strict encoding)');

    await inject(basePath, { operation: 'listHaAcls', status: 413, count: 1, retryAfterSeconds: 30 });
    const started = Date.now();
    const limited = await fault(() => api.listHaAcls(id));
    expect(Date.now() - started < 10_000, 'a 413 is thrown at once, not retried after Retry-After');
    expect(limited.status === 413 && limited.faultName === 'overLimit' && limited.retryAfter === 30 && limited.details === undefined,
        `a 413 is an overLimit fault with retryAfter 30 and no details: ${limited.retryAfter}`);

    expect(await api.addReplica(id, member('replica-2')) === undefined, 'addReplica answers with no body');
    expect((await active(id)).replicas.length === 2, 'addReplica');
    await api.removeReplica(id, (await api.showHaInstance(id)).haInstance.replicas[1].id);
    expect((await active(id)).replicas.length === 1, 'removeReplica');
    await api.resizeVolume(id, 2);
    expect((await active(id)).volume.size === 2, 'resizeVolume');
    await api.resizeFlavor(id, '3');
    expect((await active(id)).flavor.id === 3, 'resizeFlavor');
    expect(await api.restartHaInstance(id) === undefined, 'restartHaInstance answers with no body');
    await active(id);
    await api.attachConfiguration(id, configurationId);
    expect((await active(id)).configuration?.id === configurationId, 'attachConfiguration');
    await api.detachConfiguration(id);
    expect((await active(id)).configuration === null, 'detachConfiguration');

    const backup = (await api.createBackup({ name: 'driver-backup', source: { type: 'ha', id } })).backup;
    await poll(async () => (await api.showBackup(backup.id)).backup.status === 'COMPLETED', 'the backup completes');
    expect((await api.listBackups()).backups.some((b) => b.id === backup.id), 'listBackups');
    expect((await api.listHaBackups(id)).backups.some((b) => b.id === backup.id), 'listHaBackups');
    expect((await api.listBackups({ datastore: 'mariadb' })).backups.some((b) => b.id === backup.id)
        && (await api.listBackups({ datastore: 'mysql' })).backups.length === 0, 'listBackups with datastore sends it');
    expect((await api.listHaBackups(id, { limit: 1, marker: backup.id })).backups.length === 0,
        'listHaBackups with limit and marker sends them');
    await api.deleteBackup(backup.id);
    await active(id);

    const upgrading = (await api.upgradeHaInstance(id, { datastoreType: 'mariadb', datastoreVersion: '10.4enc' })).haInstance;
    expect(upgrading.state === 'UPGRADING', 'upgradeHaInstance answers the group in UPGRADING');
    expect((await active(id)).datastore.version === '10.4enc', 'the upgrade completes');

    const converted = (await api.convertToHa(replicationInstanceId, { name: 'driver-converted' })).haInstance;
    expect(converted.state === 'BUILD', 'convertToHa answers the new group in BUILD');
    await active(converted.id);
    const first = (await api.listHaInstances({ limit: 1 })).haInstances;
    expect(first.length === 1, 'listHaInstances with limit 1 answers one group');
    const second = (await api.listHaInstances({ limit: 1, marker: first[0].id })).haInstances;
    expect(second.length === 1 && second[0].id !== first[0].id
        && [first[0].id, second[0].id].sort().join() === [id, converted.id].sort().join(),
        "listHaInstances with the first page's marker answers the other group");
    await api.deleteHaInstance(converted.id);
    await api.deleteHaInstance(id);
    await poll(async () => (await fault(() => api.showHaInstance(id))).status === 404, 'deleteHaInstance: the group is gone');

    const unauthorized = await fault(() => new HaApi(new Configuration({ basePath, apiKey: 'not-a-token' }), '1234').listHaInstances());
    expect(unauthorized.status === 401 && unauthorized.faultName === 'unauthorized', 'a 401 is an unauthorized fault');
    const missing = await fault(() => api.showHaInstance('no-such-group'));
    expect(missing.status === 404 && missing.faultName === 'itemNotFound' && missing.faultMessage.includes('no-such-group'),
        'a 404 is an itemNotFound fault');
    const bad = await fault(() => api.createBackup({ name: 'names-nothing' }));
    expect(bad.status === 400 && bad.faultName === 'badRequest', 'a 400 is a badRequest fault');
    console.log('driver ok: 21 operations, paging, 4 faults');
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
