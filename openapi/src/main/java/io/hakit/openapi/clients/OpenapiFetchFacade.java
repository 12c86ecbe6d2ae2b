package io.hakit.openapi.clients;

import io.hakit.openapi.clients.ClientOperation.Body;
import io.hakit.openapi.clients.ClientOperation.PathParameter;
import io.hakit.openapi.clients.ClientOperation.QueryParameter;
import io.hakit.openapi.clients.ClientOperation.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The typed calls over openapi-fetch with openapi-typescript's types of the bundle ({@code schema.d.ts} beside it). */
final class OpenapiFetchFacade implements Facade {

    @Override
    public Map<String, String> files(List<ClientOperation> operations) {
        StringBuilder out = new StringBuilder();
        out.append("""
                // The HA API's named operations, one typed call each, with the API version, the account and the token bound
                // once. Generated from the document's x-operations by the kit (io.hakit.openapi.clients.FacadeMain); do not edit.
                import createClient, { type Client } from 'openapi-fetch';
                import type { components, paths } from './schema';

                type Schemas = components['schemas'];

                """).append(TypescriptFaults.READING).append("""
                function checked<T>(answer: { data?: T; error?: unknown; response: Response }, operation: string, bodyless: boolean): T {
                    if (answer.error !== undefined || !answer.response.ok) {
                        const fault = Object.entries((answer.error ?? {}) as Record<string, FaultBody>)[0];
                        throw fault ? faultOf(answer.response.status, fault[0], fault[1], answer.response.headers)
                            : new HaFault(answer.response.status, 'unexpected', String(answer.error), undefined,
                                headerSeconds(answer.response.headers.get('Retry-After')));
                    }
                    if (!bodyless && (answer.data === undefined || answer.data === null)) {
                        throw new Error(`${operation} answered with no body`);
                    }
                    return answer.data as T;
                }

                /** A fault throws HaFault; an operation that answers with no body resolves to undefined. */
                export class HaApi {
                    private readonly client: Client<paths>;

                    constructor(baseUrl: string, token: string, private readonly accountId: string) {
                        this.client = createClient<paths>({ baseUrl, headers: { 'X-Auth-Token': token } });
                    }
                """);
        for (ClientOperation op : operations) {
            out.append('\n').append(method(op));
        }
        out.append("}\n");
        return Map.of("HaApi.ts", out.toString());
    }

    private static String method(ClientOperation op) {
        List<String> parameters = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        if (op.carrier().pathTemplate().contains("{version}")) {
            path.add("version: 'v1.0'");
            path.add("accountId: this.accountId");
        }
        for (PathParameter p : op.pathParameters()) {
            parameters.add(p.name() + ": string");
            String value = p.applied(p.name(), "%s.split('%s').join('%s')");
            path.add(p.name() + ": " + value);
        }
        String query = "";
        if (!op.queryParameters().isEmpty()) { // one optional object last, sent as the query (absent members: not sent)
            List<String> members = new ArrayList<>();
            for (QueryParameter q : op.queryParameters()) {
                members.add(q.name() + "?: " + (q.integer() ? "number" : "string"));
            }
            query = ", query";
            deferred.add("query: { " + String.join("; ", members) + " } = {}");
        }
        StringBuilder init = new StringBuilder("{ params: { path: { " + String.join(", ", path) + " }" + query + " }");
        op.body().ifPresent(body -> {
            switch (body.kind()) {
                case OBJECT -> parameters.add(body.argument() + ": Schemas['" + body.leafType() + "']");
                case STRING -> parameters.add(body.argument() + ": string");
                case INTEGER -> parameters.add(body.argument() + ": number");
                default -> { }
            }
            init.append(", body: ").append(bodyExpression(body));
        });
        if (op.answer().isEmpty()) { // read as text, unread: openapi-fetch's JSON.parse throws on a body of white space only
            init.append(", parseAs: 'text'");
        }
        init.append(" }");
        parameters.addAll(deferred); // optional arguments last, after the body's
        String call = "await this.client." + op.carrier().method().toUpperCase(Locale.ROOT) + "('"
                + op.carrier().pathTemplate() + "', " + init + ")";
        String doc = "    /** " + op.summary() + " (" + op.name() + ")" + (op.answer().isEmpty() ? "; answers with no body" : "") + ". */\n";
        String signature = "    async " + op.name() + "(" + String.join(", ", parameters) + ")";
        return op.answer().isEmpty()
                ? doc + signature + ": Promise<void> {\n        checked(" + call + ", '" + op.name() + "', true);\n    }\n"
                : doc + signature + ": Promise<NonNullable<Schemas['" + op.answer().get() + "']>> {\n        return checked("
                        + call + ", '" + op.name() + "', false) as NonNullable<Schemas['" + op.answer().get() + "']>;\n    }\n";
    }

    private static String bodyExpression(Body body) {
        String expression = switch (body.kind()) {
            case FIXED -> Names.literal(body.fixed().orElseThrow()).replace('"', '\'');
            case EMPTY_OBJECT -> "{}";
            default -> body.argument();
        };
        for (int i = body.steps().size() - 1; i >= 0; i--) {
            Step step = body.steps().get(i);
            expression = "{ " + step.property() + ": " + expression + " }";
        }
        return expression;
    }
}
