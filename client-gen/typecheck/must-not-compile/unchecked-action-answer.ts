// expect: TS18047
// Reads a restart's answer without checking for its absence: every action but upgrade answers 202 with no body,
// so this would crash at run time. The document's nullable answer makes it a compile error under --strict.
import createClient from "openapi-fetch";
import type { paths } from "./schema";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:8080" });

export async function stateAfterRestart(haId: string): Promise<string> {
    const { data, error } = await client.POST("/{version}/{accountId}/ha/{haId}/action", {
        params: { path: { version: "v1.0", accountId: "1234", haId } },
        body: { restart: {} },
    });
    if (error) throw new Error("fault");
    return data.ha_instance.state;
}
