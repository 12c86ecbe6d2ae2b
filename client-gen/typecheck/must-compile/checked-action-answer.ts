// The same reads done right: a restart's answer ignored, the upgrade's answer read after checking for the fault and
// for absence. Must compile under --strict (so that the failures next door are the checks, not a broken setup).
import createClient from "openapi-fetch";
import type { paths } from "./schema";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:8080" });
const path = (haId: string) => ({ version: "v1.0" as const, accountId: "1234", haId });

export async function restart(haId: string): Promise<void> {
    const { error } = await client.POST("/{version}/{accountId}/ha/{haId}/action", {
        params: { path: path(haId) }, body: { restart: {} } });
    if (error) throw new Error("fault");
}

export async function upgrade(haId: string): Promise<string> {
    const { data, error } = await client.POST("/{version}/{accountId}/ha/{haId}/action", {
        params: { path: path(haId) }, body: { upgrade: { datastore_type: "mariadb", datastore_version: "10.4enc" } } });
    if (error) throw new Error("fault");
    if (!data) throw new Error("an upgrade answers with a body");
    return data.ha_instance.state;
}
