package io.hakit.openapi.clients;

import io.hakit.openapi.clients.ClientOperation.Body;
import io.hakit.openapi.clients.ClientOperation.PathParameter;
import io.hakit.openapi.clients.ClientOperation.QueryParameter;
import io.hakit.openapi.clients.ClientOperation.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The typed calls over openapi-generator's {@code java} client, for the libraries native, okhttp-gson and
 * restclient (their models and API classes are spelt alike; their exceptions and JSON libraries differ).
 */
final class JavaFacade implements Facade {

    enum Library { NATIVE, OKHTTP_GSON, RESTCLIENT }

    private final Library library;
    private final String pkg;

    JavaFacade(Library library, String pkg) {
        this.library = library;
        this.pkg = pkg;
    }

    @Override
    public Map<String, String> files(List<ClientOperation> operations) {
        Map<String, String> files = new LinkedHashMap<>();
        String dir = pkg.replace('.', '/') + "/";
        files.put(dir + "HaApi.java", api(operations));
        files.put(dir + "RetryAfter.java", retryAfter());
        if (library != Library.NATIVE) { // the native client's HaFault is hand-written in client-gen
            files.put(dir + "HaFault.java", fault());
        }
        return files;
    }

    private String api(List<ClientOperation> operations) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n");
        out.append("import ").append(pkg).append(".api.*;\n");
        out.append("import ").append(pkg).append(".invoker.ApiClient;\n");
        out.append("import ").append(pkg).append(".model.*;\n\n");
        out.append("/**\n * The HA API's named operations, one typed call each, with the API version and the account bound once.\n")
                .append(" * Generated from the document's x-operations by the kit (io.hakit.openapi.clients.FacadeMain); do not edit.\n")
                .append(" * A fault answer throws {@link HaFault}; an operation that answers with no body returns nothing.\n */\n");
        out.append("public final class HaApi {\n\n    public static final String VERSION = \"v1.0\";\n\n    private final String accountId;\n");
        TreeSet<String> apis = new TreeSet<>();
        operations.forEach(op -> apis.add(Names.javaApi(op.tag())));
        for (String api : apis) {
            out.append("    private final ").append(api).append(' ').append(Names.lowerFirst(api)).append(";\n");
        }
        out.append("\n    public HaApi(ApiClient client, String accountId) {\n        this.accountId = accountId;\n");
        if (library == Library.RESTCLIENT) {
            // restclient's own ObjectMapper writes every unset field as null ("add_replica": null, ...; "configuration":
            // null in a create), which the closed request schemas refuse with a 400: without this, HaApi over the
            // ApiClient a team makes first (new ApiClient()) fails every create and every action. The mapper is the
            // one its RestClient's converter holds (ApiClient.getObjectMapper), so leaving nulls out here reaches it.
            out.append("        // restclient's ObjectMapper writes unset fields as null, which the API's closed request bodies refuse (400)\n");
            out.append("        client.getObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);\n");
        }
        for (String api : apis) {
            out.append("        this.").append(Names.lowerFirst(api)).append(" = new ").append(api).append("(client);\n");
        }
        out.append("    }\n");
        for (ClientOperation op : operations) {
            out.append('\n').append(method(op));
        }
        return out.append("}\n").toString();
    }

    private String method(ClientOperation op) {
        List<String> parameters = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of("VERSION", "accountId"));
        for (PathParameter p : op.pathParameters()) {
            parameters.add("String " + p.name());
            String value = p.applied(p.name(), "%s.replace(\"%s\", \"%s\")");
            arguments.add(value);
        }
        List<String> query = new ArrayList<>();
        List<String> queryArguments = new ArrayList<>();
        for (QueryParameter q : op.queryParameters()) {
            String type = q.integer() ? (q.wide() ? "Long" : "Integer") : "String";
            query.add(type + " " + ClientOperation.camel(q.name()));
            queryArguments.add(ClientOperation.camel(q.name()));
        }
        op.body().ifPresent(body -> {
            switch (body.kind()) {
                case OBJECT -> parameters.add(body.leafType() + " " + body.argument());
                case STRING -> parameters.add("String " + body.argument());
                case INTEGER -> parameters.add("Integer " + body.argument());
                default -> { }
            }
            arguments.add(bodyExpression(body));
        });
        arguments.addAll(queryArguments); // the generated method takes its optional arguments after the required ones
        String answer = op.answer().orElse(null);
        // An operation that answers with no body over a carrier that answers with one (restart over the /action
        // POST, whose upgrade answers a body): restclient would read the carrier's answer from the body, and Jackson
        // refuses one of white space only; its ResponseSpec reads none.
        boolean bodiless = answer == null && library == Library.RESTCLIENT && op.carrierAnswers();
        String call = Names.lowerFirst(Names.javaApi(op.tag())) + "." + op.carrier().operationId()
                + (bodiless ? "WithResponseSpec(" : "(") + String.join(", ", arguments) + ")"
                + (bodiless ? ".toBodilessEntity()" : "");
        StringBuilder out = new StringBuilder();
        if (!query.isEmpty()) { // the call without them: the first page, as before
            List<String> forwarded = new ArrayList<>();
            parameters.forEach(p -> forwarded.add(p.substring(p.indexOf(' ') + 1)));
            query.forEach(q -> forwarded.add("null"));
            out.append("    /** ").append(op.summary()).append(" (").append(op.name()).append("): the first page. */\n");
            out.append("    public ").append(answer == null ? "void" : answer).append(' ').append(op.name()).append('(')
                    .append(String.join(", ", parameters)).append(") {\n        ").append(answer == null ? "" : "return ")
                    .append(op.name()).append('(').append(String.join(", ", forwarded)).append(");\n    }\n\n");
            parameters.addAll(query); // optional arguments last, after the body's
        }
        out.append("    /** ").append(op.summary()).append(" (").append(op.name()).append(")")
                .append(answer == null ? "; answers with no body" : "")
                .append(query.isEmpty() ? "" : "; a null query parameter is not sent").append(". */\n");
        out.append("    public ").append(answer == null ? "void" : answer).append(' ').append(op.name()).append('(')
                .append(String.join(", ", parameters)).append(") {\n");
        if (answer == null) {
            out.append("        HaFault.call(() -> {\n            ").append(call).append(";\n            return null;\n        });\n");
        } else {
            out.append("        return HaFault.call(() -> ").append(call).append(");\n");
        }
        return out.append("    }\n").toString();
    }

    /**
     * A model's fluent setter: the property in camelCase. The java generator prefixes its reserved words with
     * {@code _}; the build maps the document's one such name, {@code configuration}, to itself
     * ({@code reservedWordsMappings} in client-gen/pom.xml), and a new clash fails the build's compile.
     */
    private static String setter(String property) {
        return ClientOperation.camel(property);
    }

    private static String bodyExpression(Body body) {
        String expression = switch (body.kind()) {
            case FIXED -> Names.literal(body.fixed().orElseThrow());
            case EMPTY_OBJECT -> "new java.util.HashMap<String, Object>()";
            default -> body.argument();
        };
        for (int i = body.steps().size() - 1; i >= 0; i--) {
            Step step = body.steps().get(i);
            expression = "new " + step.holder() + "()." + setter(step.property()) + "(" + expression + ")";
        }
        return expression;
    }

    private String fault() {
        String exception = library == Library.OKHTTP_GSON ? pkg + ".invoker.ApiException"
                : "org.springframework.web.client.RestClientResponseException";
        String status = library == Library.OKHTTP_GSON ? "e.getCode()" : "e.getStatusCode().value()";
        String body = library == Library.OKHTTP_GSON ? "e.getResponseBody()" : "e.getResponseBodyAsString()";
        String header = library == Library.OKHTTP_GSON
                ? "e.getResponseHeaders() == null ? null : e.getResponseHeaders().entrySet().stream().filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(\"Retry-After\") && !h.getValue().isEmpty()).map(h -> h.getValue().get(0)).findFirst().orElse(null)"
                : "e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst(\"Retry-After\")";
        String noAnswer = library == Library.OKHTTP_GSON
                ? """

                                if (e.getCode() == 0) {
                                    throw new java.io.UncheckedIOException(String.valueOf(e.getMessage()),
                                            e.getCause() instanceof java.io.IOException io ? io : new java.io.IOException(e));
                                }"""
                : "";
        String parse = library == Library.OKHTTP_GSON
                ? """
                        com.google.gson.JsonElement json = com.google.gson.JsonParser.parseString(body);
                                    if (json.isJsonObject() && json.getAsJsonObject().size() == 1) {
                                        var fault = json.getAsJsonObject().entrySet().iterator().next();
                                        var inner = fault.getValue().getAsJsonObject();
                                        return new HaFault(status, fault.getKey(), inner.has("message") ? inner.get("message").getAsString() : "",
                                                inner.has("details") && !inner.get("details").isJsonNull() ? inner.get("details").getAsString() : null,
                                                RetryAfter.seconds(inner.has("retryAfter") && !inner.get("retryAfter").isJsonNull() ? inner.get("retryAfter").getAsString() : null, retryAfter));
                                    }"""
                : """
                        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
                                    if (json.isObject() && json.size() == 1) {
                                        String name = json.fieldNames().next();
                                        com.fasterxml.jackson.databind.JsonNode inner = json.get(name);
                                        return new HaFault(status, name, inner.path("message").asText(""),
                                                inner.hasNonNull("details") ? inner.get("details").asText() : null,
                                                RetryAfter.seconds(inner.hasNonNull("retryAfter") ? inner.get("retryAfter").asText() : null, retryAfter));
                                    }""";
        // what a 2xx answer without a required member throws: the library's own error for an answer it cannot read
        String unreadable = library == Library.OKHTTP_GSON
                ? "new java.io.UncheckedIOException(new java.io.IOException(\"the answer lacks a required member: \" + missing))"
                : "new org.springframework.web.client.RestClientException(\"the answer lacks a required member: \" + missing)";
        return """
                package %s;

                /**
                 * A fault the service answered ({"<faultName>": {"code": N, "message": "...", "details": "...",
                 * "retryAfter": "60"}}) as a typed exception: the status, the fault's name, its message, its details and
                 * the seconds to wait before asking again. Generated by the kit with {@link HaApi}; do not edit.
                 */
                public final class HaFault extends RuntimeException {

                    private final int status;
                    private final String faultName;
                    private final String faultMessage;
                    private final String details;
                    private final Long retryAfter;

                    public HaFault(int status, String faultName, String faultMessage) {
                        this(status, faultName, faultMessage, null, null);
                    }

                    public HaFault(int status, String faultName, String faultMessage, String details, Long retryAfter) {
                        super(faultName + " (" + status + "): " + faultMessage, null, false, false);
                        this.status = status;
                        this.faultName = faultName;
                        this.faultMessage = faultMessage;
                        this.details = details;
                        this.retryAfter = retryAfter;
                    }

                    /** The fault's details, when it has them. */
                    public java.util.Optional<String> details() {
                        return java.util.Optional.ofNullable(details);
                    }

                    /** Seconds to wait before asking again: the fault's retryAfter, else the Retry-After header; empty when neither. */
                    public java.util.OptionalLong retryAfter() {
                        return retryAfter == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(retryAfter);
                    }

                    public int status() {
                        return status;
                    }

                    public String faultName() {
                        return faultName;
                    }

                    public String faultMessage() {
                        return faultMessage;
                    }

                    @FunctionalInterface
                    public interface Call<T> {
                        T run() throws %s;
                    }

                    /**
                     * Runs a call of the generated client; a fault answer is thrown as a HaFault. A call that read no
                     * answer (okhttp-gson's code 0: the connection failed) is no fault: it is thrown as an
                     * UncheckedIOException with its cause.
                     */
                    public static <T> T call(Call<T> call) {
                        try {
                            return complete(call.run());
                        } catch (%s e) {%s
                            throw from(%s, %s, %s);
                        }
                    }

                    /**
                     * The answer, if it holds every member the document requires: a getter the generator marks
                     * {@code @jakarta.annotation.Nonnull} (required and not nullable), in the answer and in every model
                     * it holds. Jackson leaves a member the answer lacks null, so that a 2xx answer without the
                     * documented shape would read as a model of nulls; it is an answer the client cannot read.
                     */
                    static <T> T complete(T answer) {
                        String missing = missing(answer, "answer");
                        if (missing != null) {
                            throw %s;
                        }
                        return answer;
                    }

                    private static String missing(Object value, String path) {
                        if (value instanceof Iterable<?> items) {
                            int i = 0;
                            for (Object item : items) {
                                String missing = missing(item, path + "[" + i++ + "]");
                                if (missing != null) {
                                    return missing;
                                }
                            }
                            return null;
                        }
                        if (value instanceof java.util.Map<?, ?> map) {
                            return missing(map.values(), path);
                        }
                        if (value == null || !value.getClass().getPackageName().equals("%s.model")) {
                            return null;
                        }
                        for (java.lang.reflect.Method getter : value.getClass().getMethods()) {
                            if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
                                    && getter.isAnnotationPresent(jakarta.annotation.Nonnull.class)) {
                                Object member;
                                try {
                                    member = getter.invoke(value);
                                } catch (ReflectiveOperationException e) {
                                    throw new IllegalStateException(e);
                                }
                                String where = path + "." + getter.getName().substring(3);
                                String missing = member == null ? where : missing(member, where);
                                if (missing != null) {
                                    return missing;
                                }
                            }
                        }
                        return null;
                    }

                    static HaFault from(int status, String body, String retryAfter) {
                        try {
                            %s
                        } catch (Exception notAFault) {
                            // falls through: the answer is no fault body
                        }
                        return new HaFault(status, "unexpected", String.valueOf(body), null, RetryAfter.seconds(null, retryAfter));
                    }
                }
                """.formatted(pkg, exception, exception, noAnswer, status, body, header, unreadable, pkg, parse);
    }
    /** How long a fault asks its client to wait, read by each Java client's HaFault (the native one's too). */
    private String retryAfter() {
        return """
                package %s;

                /** The seconds a fault asks its client to wait. Generated by the kit with {@link HaApi}; do not edit. */
                final class RetryAfter {

                    /** HTTP-date's three forms, which a recipient reads (RFC 9110, 5.6.7): IMF-fixdate, RFC 850, asctime. */
                    private static final java.util.List<java.time.format.DateTimeFormatter> HTTP_DATES = java.util.List.of(
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME,
                            new java.time.format.DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                                    .appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1970)
                                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(java.util.Locale.US)
                                    .withZone(java.time.ZoneOffset.UTC),
                            java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.US)
                                    .withZone(java.time.ZoneOffset.UTC));

                    private RetryAfter() {}

                    /**
                     * The fault's seconds if they are a whole number, else the header's: a whole number of seconds or an
                     * HTTP-date (the seconds from now until then, 0 once it has passed); null when neither.
                     */
                    static Long seconds(String fromBody, String fromHeader) {
                        Long body = wholeSeconds(fromBody);
                        if (body != null || fromHeader == null) {
                            return body;
                        }
                        Long header = wholeSeconds(fromHeader);
                        if (header != null) {
                            return header;
                        }
                        for (java.time.format.DateTimeFormatter form : HTTP_DATES) {
                            try {
                                long millis = java.time.Duration.between(java.time.Instant.now(),
                                        java.time.ZonedDateTime.parse(fromHeader.trim(), form).toInstant()).toMillis();
                                return Math.max(0, Math.floorDiv(millis + 999, 1000));
                            } catch (java.time.format.DateTimeParseException notThisForm) {
                                // the next form, if any
                            }
                        }
                        return null;
                    }

                    private static Long wholeSeconds(String value) {
                        try {
                            return value == null ? null : Long.valueOf(value.trim());
                        } catch (NumberFormatException notSeconds) {
                            return null;
                        }
                    }
                }
                """.formatted(pkg);
    }
}
