package io.hakit.openapi.clients;

import io.hakit.openapi.clients.ClientOperation.Body;
import io.hakit.openapi.clients.ClientOperation.PathParameter;
import io.hakit.openapi.clients.ClientOperation.QueryParameter;
import io.hakit.openapi.clients.ClientOperation.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The typed calls over openapi-generator's {@code go} client, as {@code ha_api.go} in its package. */
final class GoFacade implements Facade {

    private final String pkg;

    GoFacade(String pkg) {
        this.pkg = pkg;
    }

    @Override
    public Map<String, String> files(List<ClientOperation> operations) {
        StringBuilder out = new StringBuilder();
        out.append("// The HA API's named operations, one typed call each, with the API version and the account bound once.\n")
                .append("// Generated from the document's x-operations by the kit (io.hakit.openapi.clients.FacadeMain); do not edit.\n")
                .append("// A fault is returned as a *HaFault; an operation that answers with no body returns only its error.\n\n")
                .append("package ").append(pkg).append("\n\n");
        out.append("""
                import (
                	"bytes"
                	"context"
                	"encoding/json"
                	"fmt"
                	"net/http"
                	"strconv"
                	"strings"
                	"time"
                )

                // HaFault is a fault the service answered: the status, the fault's name, its message, its details (nil when
                // absent) and RetryAfter, the seconds to wait before asking again (the fault's retryAfter, else the
                // Retry-After header; nil when neither).
                type HaFault struct {
                	Status       int
                	FaultName    string
                	FaultMessage string
                	Details      *string
                	RetryAfter   *int
                }

                func (f *HaFault) Error() string {
                	return fmt.Sprintf("%s (%d): %s", f.FaultName, f.Status, f.FaultMessage)
                }

                // seconds reads a whole number of seconds from a string or a JSON number; nil otherwise.
                func seconds(value any) *int {
                	var text string
                	switch v := value.(type) {
                	case string:
                		text = strings.TrimSpace(v)
                	case float64:
                		text = strconv.FormatFloat(v, 'f', -1, 64)
                	default:
                		return nil
                	}
                	n, err := strconv.Atoi(text)
                	if err != nil || n < 0 {
                		return nil
                	}
                	return &n
                }

                // headerSeconds reads a Retry-After header: whole seconds, or an HTTP-date (the seconds from now until
                // then, 0 once it has passed; http.ParseTime reads the three forms HTTP has had); nil otherwise.
                func headerSeconds(value string) *int {
                	if n := seconds(value); n != nil {
                		return n
                	}
                	when, err := http.ParseTime(strings.TrimSpace(value))
                	if err != nil {
                		return nil
                	}
                	n := 0
                	if wait := time.Until(when); wait > 0 {
                		n = int((wait + time.Second - 1) / time.Second)
                	}
                	return &n
                }

                // noBody is err unless it is the generated client's failure to decode a 2xx answer of white space only:
                // for an operation that answers with no body, that is no body (a JSON decoder finds no value in it).
                func noBody(answer *http.Response, err error) error {
                	if generic, ok := err.(*GenericOpenAPIError); ok && answer != nil && answer.StatusCode < 300 &&
                		len(bytes.TrimSpace(generic.Body())) == 0 {
                		return nil
                	}
                	return err
                }

                func fault(answer *http.Response, err error) error {
                	if err == nil {
                		return nil
                	}
                	generic, ok := err.(*GenericOpenAPIError)
                	if !ok || answer == nil || answer.StatusCode < 400 {
                		return err // not a fault: a transport error, or a 2xx or 3xx answer the client could not read
                	}
                	header := headerSeconds(answer.Header.Get("Retry-After"))
                	var body map[string]struct {
                		Message    string `json:"message"`
                		Details    any    `json:"details"`
                		RetryAfter any    `json:"retryAfter"`
                	}
                	if json.Unmarshal(generic.Body(), &body) == nil && len(body) == 1 {
                		for name, inner := range body {
                			f := &HaFault{Status: answer.StatusCode, FaultName: name, FaultMessage: inner.Message, RetryAfter: header}
                			if inner.Details != nil {
                				details := fmt.Sprint(inner.Details)
                				f.Details = &details
                			}
                			if fromBody := seconds(inner.RetryAfter); fromBody != nil {
                				f.RetryAfter = fromBody
                			}
                			return f
                		}
                	}
                	return &HaFault{Status: answer.StatusCode, FaultName: "unexpected", FaultMessage: string(generic.Body()), RetryAfter: header}
                }

                // HaApi binds the API version, the account and a context (which carries the token) once.
                type HaApi struct {
                	client    *APIClient
                	ctx       context.Context
                	accountID string
                }

                // NewHaApi gives the typed calls of one account; ctx carries the token (ContextAPIKeys).
                func NewHaApi(client *APIClient, ctx context.Context, accountID string) *HaApi {
                	return &HaApi{client: client, ctx: ctx, accountID: accountID}
                }

                var _ = strings.ReplaceAll
                """);
        for (ClientOperation op : operations) {
            out.append('\n').append(method(op));
        }
        return Map.of("ha_api.go", out.toString());
    }

    private static String method(ClientOperation op) {
        List<String> parameters = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of("h.ctx", "\"v1.0\"", "h.accountID"));
        for (PathParameter p : op.pathParameters()) {
            parameters.add(p.name() + " string");
            String value = p.applied(p.name(), "strings.ReplaceAll(%s, \"%s\", \"%s\")");
            arguments.add(value);
        }
        String request = "h.client." + Names.api(op.tag(), "API") + "." + Names.upperFirst(op.carrier().operationId())
                + "(" + String.join(", ", arguments) + ")";
        if (op.body().isPresent()) {
            Body body = op.body().get();
            switch (body.kind()) {
                case OBJECT -> parameters.add(body.argument() + " " + body.leafType());
                case STRING -> parameters.add(body.argument() + " string");
                case INTEGER -> parameters.add(body.argument() + " int32");
                default -> { }
            }
            request += "." + body.root() + "(" + bodyExpression(body) + ")";
        }
        String name = Names.upperFirst(op.name());
        StringBuilder out = new StringBuilder();
        String prepare = "";
        String execute = request + ".Execute()";
        if (!op.queryParameters().isEmpty()) { // a variadic struct of optional pointers: ListX() is still the first page
            String type = name + "Query";
            out.append("// ").append(type).append(" holds ").append(name)
                    .append("'s optional query parameters; a nil one is not sent.\n").append("type ").append(type).append(" struct {\n");
            StringBuilder set = new StringBuilder("\trequest := " + request + "\n\tfor _, q := range query {\n");
            for (QueryParameter q : op.queryParameters()) {
                String field = ClientOperation.pascal(q.name());
                out.append('\t').append(field).append(" *").append(q.integer() ? (q.wide() ? "int64" : "int32") : "string").append('\n');
                set.append("\t\tif q.").append(field).append(" != nil {\n\t\t\trequest = request.").append(field)
                        .append("(*q.").append(field).append(")\n\t\t}\n");
            }
            out.append("}\n\n");
            parameters.add("query ..." + type);
            prepare = set.append("\t}\n").toString();
            execute = "request.Execute()";
        }
        out.append("// " + name + ": " + op.summary() + " (" + op.name() + ")"
                + (op.answer().isEmpty() ? "; answers with no body" : "") + ".\n");
        String signature = "func (h *HaApi) " + name + "(" + String.join(", ", parameters) + ")";
        if (op.answer().isPresent()) {
            out.append(signature).append(" (*").append(op.answer().get()).append(", error) {\n").append(prepare)
                    .append("\tanswer, r, err := ").append(execute).append("\n")
                    .append("\tif err != nil {\n\t\treturn nil, fault(r, err)\n\t}\n")
                    .append("\tif answer == nil {\n\t\treturn nil, fmt.Errorf(\"").append(op.name())
                    .append(" answered with no body\")\n\t}\n\treturn answer, nil\n}\n");
        } else if (op.carrierAnswers()) {
            out.append(signature).append(" error {\n").append(prepare).append("\t_, r, err := ").append(execute)
                    .append("\n\treturn fault(r, noBody(r, err))\n}\n");
        } else {
            out.append(signature).append(" error {\n").append(prepare).append("\tr, err := ").append(execute)
                    .append("\n\treturn fault(r, err)\n}\n");
        }
        return out.toString();
    }

    /** Required fields are values, optional ones pointers (openapi-generator's Go models). */
    private static String bodyExpression(Body body) {
        String expression = switch (body.kind()) {
            case FIXED -> Names.literal(body.fixed().orElseThrow());
            case EMPTY_OBJECT -> "map[string]interface{}{}";
            default -> body.argument();
        };
        boolean pointerable = body.kind() != ClientOperation.Kind.EMPTY_OBJECT;
        for (int i = body.steps().size() - 1; i >= 0; i--) {
            Step step = body.steps().get(i);
            String value = step.required() || !pointerable ? expression : "&" + expression;
            expression = step.holder() + "{" + ClientOperation.pascal(step.property()) + ": " + value + "}";
            pointerable = true;
        }
        return expression;
    }
}
