package io.hakit.openapi.clients;

import io.hakit.openapi.clients.ClientOperation.Body;
import io.hakit.openapi.clients.ClientOperation.PathParameter;
import io.hakit.openapi.clients.ClientOperation.QueryParameter;
import io.hakit.openapi.clients.ClientOperation.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The typed calls over openapi-generator's {@code typescript-fetch} client, written into its {@code src/}. */
final class TypescriptFetchFacade implements Facade {

    @Override
    public Map<String, String> files(List<ClientOperation> operations) {
        TreeSet<String> apis = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        operations.forEach(op -> {
            apis.add(Names.api(op.tag(), "Api"));
            op.answer().ifPresent(models::add);
            op.body().filter(b -> b.kind() == ClientOperation.Kind.OBJECT).ifPresent(b -> models.add(b.leafType()));
        });
        StringBuilder out = new StringBuilder();
        out.append("// The HA API's named operations, one typed call each, with the API version and the account bound once.\n")
                .append("// Generated from the document's x-operations by the kit (io.hakit.openapi.clients.FacadeMain); do not edit.\n")
                .append("import { Configuration, ResponseError, ").append(String.join(", ", apis)).append(" } from './index';\n")
                .append("import type { ").append(String.join(", ", models)).append(" } from './models/index';\n\n");
        out.append(TypescriptFaults.READING).append("""
                async function call<T>(request: () => Promise<T>): Promise<T> {
                    try {
                        return await request();
                    } catch (e) {
                        if (!(e instanceof ResponseError)) {
                            throw e;
                        }
                        const text = await e.response.text();
                        try {
                            // Object.keys, not Object.entries: the package's own tsconfig targets es6 (npm run build)
                            const fault = JSON.parse(text) as Record<string, FaultBody>;
                            const name = Object.keys(fault)[0];
                            throw faultOf(e.response.status, name, fault[name], e.response.headers);
                        } catch (parsed) {
                            throw parsed instanceof HaFault ? parsed
                                : new HaFault(e.response.status, 'unexpected', text, undefined, headerSeconds(e.response.headers.get('Retry-After')));
                        }
                    }
                }

                function present<T>(answer: T | null | undefined, operation: string): T {
                    if (answer === null || answer === undefined) {
                        throw new Error(`${operation} answered with no body`);
                    }
                    return answer;
                }

                /** A fault throws HaFault; an operation that answers with no body resolves to undefined. */
                export class HaApi {
                """);
        for (String api : apis) {
            out.append("    private readonly ").append(Names.lowerFirst(api)).append(": ").append(api).append(";\n");
        }
        out.append("\n    constructor(configuration: Configuration, private readonly accountId: string) {\n");
        for (String api : apis) {
            out.append("        this.").append(Names.lowerFirst(api)).append(" = new ").append(api).append("(configuration);\n");
        }
        out.append("    }\n");
        for (ClientOperation op : operations) {
            out.append('\n').append(method(op));
        }
        out.append("}\n");
        return Map.of("src/HaApi.ts", out.toString());
    }

    private static String method(ClientOperation op) {
        List<String> parameters = new ArrayList<>();
        List<String> fields = new ArrayList<>(List.of("version: 'v1.0'", "accountId: this.accountId"));
        for (PathParameter p : op.pathParameters()) {
            parameters.add(p.name() + ": string");
            String value = p.applied(p.name(), "%s.split('%s').join('%s')");
            fields.add(p.name() + ": " + value);
        }
        op.body().ifPresent(body -> {
            switch (body.kind()) {
                case OBJECT -> parameters.add(body.argument() + ": " + body.leafType());
                case STRING -> parameters.add(body.argument() + ": string");
                case INTEGER -> parameters.add(body.argument() + ": number");
                default -> { }
            }
            fields.add(Names.lowerFirst(body.root()) + ": " + bodyExpression(body));
        });
        if (!op.queryParameters().isEmpty()) { // one optional object last: { limit: 1, marker } (absent: not sent)
            parameters.add("query: " + queryType(op) + " = {}");
            for (QueryParameter q : op.queryParameters()) {
                fields.add(ClientOperation.camel(q.name()) + ": query." + ClientOperation.camel(q.name()));
            }
        }
        String call = "this." + Names.lowerFirst(Names.api(op.tag(), "Api")) + "." + op.carrier().operationId()
                + "({ " + String.join(", ", fields) + " })";
        String doc = "    /** " + op.summary() + " (" + op.name() + ")" + (op.answer().isEmpty() ? "; answers with no body" : "") + ". */\n";
        String signature = "    async " + op.name() + "(" + String.join(", ", parameters) + ")";
        return op.answer().isEmpty()
                ? doc + signature + ": Promise<void> {\n        await call(() => " + call + ");\n    }\n"
                : doc + signature + ": Promise<" + op.answer().get() + "> {\n        return present(await call(() => " + call
                        + "), '" + op.name() + "');\n    }\n";
    }

    /** The optional query parameters as one object type: {@code { limit?: number; marker?: string }}. */
    static String queryType(ClientOperation op) {
        List<String> members = new ArrayList<>();
        for (QueryParameter q : op.queryParameters()) {
            members.add(ClientOperation.camel(q.name()) + "?: " + (q.integer() ? "number" : "string"));
        }
        return "{ " + String.join("; ", members) + " }";
    }

    /**
     * A model property's name in typescript-fetch: camelCase. The generator prefixes its reserved words with
     * {@code _}; the build maps the document's one such name, {@code configuration}, to itself
     * ({@code reservedWordsMappings} in client-gen/pom.xml), and a new collision fails the build's tsc.
     */
    private static String property(String name) {
        return ClientOperation.camel(name);
    }

    private static String bodyExpression(Body body) {
        String expression = switch (body.kind()) {
            case FIXED -> Names.literal(body.fixed().orElseThrow()).replace('"', '\'');
            case EMPTY_OBJECT -> "{}";
            default -> body.argument();
        };
        for (int i = body.steps().size() - 1; i >= 0; i--) {
            Step step = body.steps().get(i);
            expression = "{ " + property(step.property()) + ": " + expression + " }";
        }
        return expression;
    }
}
