// Forward compatibility (ForwardCompatibilityTest): a group in a state this client does not know, with fields and
// nested enum values it does not know, in a show and in a list, and faults by a name it does not know (409), 422 and
// a 413 whose seconds are only in Retry-After (a number, then an HTTP-date), and a restart's 202 of white space only,
// read through the typescript-fetch client's HaApi.
// Usage: node forward.js BASE_URL GROUP_ID
import { Configuration } from '../../target/clients/typescript/src';
import { HaApi, HaFault } from '../../target/clients/typescript/src/HaApi';

function expect(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('forward failed: ' + what);
    }
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

async function main(): Promise<void> {
    const [basePath, group] = process.argv.slice(2);
    const api = new HaApi(new Configuration({ basePath, apiKey: 'forward-token' }), '1234');

    const shown = (await api.showHaInstance(group)).haInstance;
    expect(shown.id === group && shown.name === 'ha-1' && String(shown.state) === 'PROMOTE' && shown.volume.size === 1
        && String(shown.flavor.links[0].rel) === 'describedby' && String(shown.networks[0].network) === 'private',
        'a group in an unknown state, with unknown fields, is read: ' + JSON.stringify(shown));
    const listed = (await api.listHaInstances()).haInstances;
    expect(listed.length === 2 && listed[0].id === group && String(listed[0].state) === 'PROMOTE' && listed[1].state === 'ACTIVE',
        'a list holding a group in an unknown state is read: ' + JSON.stringify(listed));

    const conflict = await fault(() => api.listHaAcls(group));
    expect(conflict.status === 409 && conflict.faultName === 'conflictingRequest'
        && conflict.faultMessage === 'A change to this group is under way.', 'an unknown fault is typed: ' + conflict);
    const refused = await fault(() => api.deleteHaInstance(group));
    expect(refused.status === 422 && refused.faultName === 'unprocessableEntity' && refused.faultMessage === 'The group is being upgraded.'
        && refused.details === 'Wait for ACTIVE.', 'a 422 is typed: ' + refused);
    const limited = await fault(() => api.listHaBackups(group));
    expect(limited.status === 413 && limited.faultName === 'overLimit' && limited.retryAfter === 45,
        "a 413's seconds come from Retry-After: " + limited + ' ' + limited.retryAfter);
    const dated = await fault(() => api.listHaBackups('dated'));
    expect(dated.status === 413 && dated.retryAfter !== undefined && dated.retryAfter >= 1 && dated.retryAfter <= 120,
        "a 413's seconds come from a Retry-After HTTP-date, two minutes ahead: " + dated + ' ' + dated.retryAfter);
    expect(await api.restartHaInstance(group) === undefined, 'a 202 whose body is only white space is read as no body');
    for (const shape of ['unreadable', 'shapeless', 'nameless']) {
        let missing: unknown;
        try {
            const read = await api.showHaInstance(shape);
            missing = 'read as ' + JSON.stringify(read);
        } catch (e) {
            missing = e;
        }
        expect(missing instanceof Error && !(missing instanceof HaFault),
            'a 200 without the documented group (' + shape + ') is an error, no fault: ' + missing);
    }
    let refusedConnection: unknown;
    try {
        await new HaApi(new Configuration({ basePath: 'http://127.0.0.1:1', apiKey: 'forward-token' }), '1234').listHaInstances();
    } catch (e) {
        refusedConnection = e;
    }
    expect(refusedConnection !== undefined && !(refusedConnection instanceof HaFault), 'a connection refused is no fault: ' + refusedConnection);
    console.log('forward ok');
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
