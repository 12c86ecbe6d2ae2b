package io.hakit.openapi.clients;

import io.hakit.openapi.clients.ClientOperation.Body;
import io.hakit.openapi.clients.ClientOperation.PathParameter;
import io.hakit.openapi.clients.ClientOperation.QueryParameter;
import io.hakit.openapi.clients.ClientOperation.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The typed calls over openapi-generator's {@code python} client (pydantic 2), as the module {@code ha_api}. */
final class PythonFacade implements Facade {

    private final String pkg;

    PythonFacade(String pkg) {
        this.pkg = pkg;
    }

    @Override
    public Map<String, String> files(List<ClientOperation> operations) {
        TreeSet<String> apis = new TreeSet<>();
        operations.forEach(op -> apis.add(Names.api(op.tag(), "Api")));
        StringBuilder out = new StringBuilder();
        out.append("\"\"\"The HA API's named operations, one typed call each, with the API version and the account bound once.\n\n")
                .append("Generated from the document's x-operations by the kit (io.hakit.openapi.clients.FacadeMain); do not edit.\n")
                .append("A fault raises HaFault; an operation that answers with no body returns None.\"\"\"\n")
                .append("import json\nimport math\nfrom datetime import datetime, timezone\nfrom email.utils import parsedate_to_datetime\nfrom typing import Optional\n\nimport urllib3\n\nimport ").append(pkg).append("\nfrom ").append(pkg)
                .append(" import rest\nfrom ").append(pkg).append(".exceptions import ApiException\n\n\n");
        out.append("""
                class HaFault(Exception):
                    \"\"\"A fault the service answered: the status, the fault's name, its message, its details (None when absent)
                    and retry_after, the seconds to wait before asking again (from the fault's retryAfter or the answer's
                    Retry-After header; None when neither).\"\"\"

                    def __init__(self, status: int, fault_name: str, fault_message: str, details: Optional[str] = None,
                                 retry_after: Optional[int] = None):
                        super().__init__("%s (%s): %s" % (fault_name, status, fault_message))
                        self.status = status
                        self.fault_name = fault_name
                        self.fault_message = fault_message
                        self.details = details
                        self.retry_after = retry_after

                    @staticmethod
                    def of(e: ApiException) -> "HaFault":
                        header = None
                        for key, value in (e.headers or {}).items():
                            if key.lower() == "retry-after":
                                header = value
                        try:
                            (name, inner), = json.loads(e.body).items()
                            details = inner.get("details")
                            seconds = _seconds(inner.get("retryAfter"))
                            return HaFault(e.status, name, inner.get("message", ""),
                                           None if details is None else str(details),
                                           seconds if seconds is not None else _header_seconds(header))
                        except Exception:
                            return HaFault(e.status, "unexpected", str(e.body), None, _header_seconds(header))


                def _seconds(value) -> Optional[int]:
                    try:
                        return None if value is None or isinstance(value, bool) else int(str(value).strip())
                    except ValueError:
                        return None


                def _header_seconds(value) -> Optional[int]:
                    \"\"\"A Retry-After header: whole seconds, or an HTTP-date (the seconds from now until then, 0 when it has
                    passed; email.utils reads IMF-fixdate, the form a sender writes).\"\"\"
                    seconds = _seconds(value)
                    if seconds is not None or value is None:
                        return seconds
                    try:
                        when = parsedate_to_datetime(str(value).strip())
                    except (TypeError, ValueError, IndexError):
                        return None
                    if when.tzinfo is None:
                        when = when.replace(tzinfo=timezone.utc)
                    return max(0, math.ceil((when - datetime.now(timezone.utc)).total_seconds()))


                # The generated client's urllib3 retries by default, waiting out a 413's or 503's Retry-After and
                # answering only the retry: HaApi turns that off, so that every fault reaches the caller at once.
                NO_RETRIES = urllib3.Retry(total=0, redirect=0, respect_retry_after_header=False, raise_on_status=False)


                def _call(request):
                    try:
                        return request()
                    except ApiException as e:
                        raise HaFault.of(e) from None


                def _present(answer, operation):
                    if answer is None:
                        raise ValueError(operation + " answered with no body")
                    return answer


                class HaApi:
                """);
        out.append("    def __init__(self, client: ").append(pkg).append(".ApiClient, account_id: str):\n")
                .append("        \"\"\"Binds the account. Unless the client's Configuration.retries was set, HaApi sets it to NO_RETRIES\n")
                .append("        (and builds the client's REST client again from it), so that a fault is raised at once.\"\"\"\n")
                .append("        if client.configuration.retries is None:\n")
                .append("            client.configuration.retries = NO_RETRIES\n")
                .append("            client.rest_client = rest.RESTClientObject(client.configuration)\n")
                .append("        self._account_id = account_id\n");
        for (String api : apis) {
            out.append("        self._").append(Names.snake(Names.lowerFirst(api))).append(" = ").append(pkg).append('.')
                    .append(api).append("(client)\n");
        }
        for (ClientOperation op : operations) {
            out.append('\n').append(method(op));
        }
        return Map.of(pkg + "/ha_api.py", out.toString());
    }

    private String method(ClientOperation op) {
        List<String> parameters = new ArrayList<>(List.of("self"));
        List<String> arguments = new ArrayList<>(List.of("\"v1.0\"", "self._account_id"));
        for (PathParameter p : op.pathParameters()) {
            String name = Names.snake(p.name());
            parameters.add(name + ": str");
            String value = p.applied(name, "%s.replace(\"%s\", \"%s\")");
            arguments.add(value);
        }
        op.body().ifPresent(body -> {
            String argument = body.argument() == null ? null : Names.snake(body.argument());
            switch (body.kind()) {
                case OBJECT -> parameters.add(argument + ": " + pkg + "." + body.leafType());
                case STRING -> parameters.add(argument + ": str");
                case INTEGER -> parameters.add(argument + ": int");
                default -> { }
            }
            arguments.add(bodyExpression(body, argument));
        });
        for (QueryParameter q : op.queryParameters()) { // keyword arguments, None (not sent) unless given
            String name = Names.snake(ClientOperation.camel(q.name()));
            parameters.add(name + ": Optional[" + (q.integer() ? "int" : "str") + "] = None");
            arguments.add(name + "=" + name);
        }
        String call = "self._" + Names.snake(Names.lowerFirst(Names.api(op.tag(), "Api"))) + "."
                + Names.snake(op.carrier().operationId()) + "(" + String.join(", ", arguments) + ")";
        String name = Names.snake(op.name());
        StringBuilder out = new StringBuilder();
        out.append("    def ").append(name).append('(').append(String.join(", ", parameters)).append(") -> ")
                .append(op.answer().map(a -> pkg + "." + a).orElse("None")).append(":\n");
        out.append("        \"\"\"").append(op.summary()).append(" (").append(op.name()).append(")")
                .append(op.answer().isEmpty() ? "; answers with no body" : "").append(".\"\"\"\n");
        if (op.answer().isEmpty()) {
            out.append("        _call(lambda: ").append(call).append(")\n");
        } else {
            out.append("        return _present(_call(lambda: ").append(call).append("), \"").append(op.name()).append("\")\n");
        }
        return out.toString();
    }

    private String bodyExpression(Body body, String argument) {
        String expression = switch (body.kind()) {
            case FIXED -> Names.literal(body.fixed().orElseThrow());
            case EMPTY_OBJECT -> "{}";
            default -> argument;
        };
        for (int i = body.steps().size() - 1; i >= 0; i--) {
            Step step = body.steps().get(i);
            expression = pkg + "." + step.holder() + "(" + step.property() + "=" + expression + ")";
        }
        return expression;
    }
}
