package io.hakit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.client.invoker.ApiException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A fault the service answered: {@code {"<faultName>": {"code": N, "message": "...", "details": "...", "retryAfter": "60"}}},
 * as a typed exception, with the seconds to wait before asking again (the fault's retryAfter, else the Retry-After header). {@link #call} turns the generated client's {@link ApiException} into one.
 */
public final class HaFault extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String faultName;
    private final int code;
    private final String details;
    private final Long retryAfter;

    public HaFault(String faultName, int code, String message, String details) {
        this(code, faultName, code, message, details);
    }

    public HaFault(int status, String faultName, int code, String message, String details) {
        this(status, faultName, code, message, details, null);
    }

    public HaFault(int status, String faultName, int code, String message, String details, Long retryAfter) {
        super(faultName + " (" + code + "): " + message, null, false, false);
        this.status = status;
        this.faultName = faultName;
        this.code = code;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The fault's name, for example {@code itemNotFound}. */
    public String faultName() {
        return faultName;
    }

    public int code() {
        return code;
    }

    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    /** Seconds to wait before asking again: the fault's retryAfter, else the Retry-After header; empty when neither. */
    public OptionalLong retryAfter() {
        return retryAfter == null ? OptionalLong.empty() : OptionalLong.of(retryAfter);
    }

    /** The service's message, without the name and code. */
    public String faultMessage() {
        return getMessage().substring(getMessage().indexOf(": ") + 2);
    }

    /** A call of the generated client. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ApiException;
    }

    /**
     * Runs a call of the generated client; a fault answer is thrown as a HaFault. A call that read no answer (code 0:
     * the connection failed, or a 2xx answer could not be read) is no fault: it is thrown as an
     * UncheckedIOException with its cause, as the other languages' clients throw their own transport errors.
     */
    public static <T> T call(Call<T> call) {
        try {
            return complete(call.run());
        } catch (ApiException e) {
            if (e.getCode() == 0) {
                throw noAnswer(e);
            }
            throw from(e);
        }
    }

    /**
     * The answer, if it holds every member the document requires: a getter the generator marks
     * {@code @jakarta.annotation.Nonnull} (required and not nullable), in the answer and in every model it holds.
     * Jackson leaves a member the answer lacks null, so that a 2xx answer without the documented shape ({@code {}}
     * for a group) would read as a model of nulls; it is an answer the client cannot read, an UncheckedIOException.
     */
    static <T> T complete(T answer) {
        String missing = missing(answer, "answer");
        if (missing != null) {
            throw new java.io.UncheckedIOException(new IOException("the answer lacks a required member: " + missing));
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
        if (value instanceof Map<?, ?> map) {
            return missing(map.values(), path);
        }
        if (value == null || !value.getClass().getPackageName().equals("io.hakit.client.model")) {
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

    /** What a call that read no answer throws: the client's I/O error, unchecked. */
    static java.io.UncheckedIOException noAnswer(Exception e) {
        return new java.io.UncheckedIOException(String.valueOf(e.getMessage()),
                e.getCause() instanceof IOException io ? io : new IOException(e));
    }

    /** The fault in the answer; a body that is no fault still gives a HaFault, named {@code unexpected}. */
    public static HaFault from(ApiException e) {
        String header = e.getResponseHeaders() == null ? null : e.getResponseHeaders().firstValue("Retry-After").orElse(null);
        try {
            JsonNode body = e.getResponseBody() == null ? null : JSON.readTree(e.getResponseBody());
            if (body != null && body.isObject() && body.size() == 1) {
                Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
                Map.Entry<String, JsonNode> fault = fields.next();
                JsonNode inner = fault.getValue();
                return new HaFault(e.getCode(), fault.getKey(), inner.path("code").asInt(e.getCode()), inner.path("message").asText(""),
                        inner.hasNonNull("details") ? inner.get("details").asText() : null,
                        RetryAfter.seconds(inner.hasNonNull("retryAfter") ? inner.get("retryAfter").asText() : null, header));
            }
        } catch (IOException notJson) {
            // falls through: the answer was not a fault body
        }
        return new HaFault(e.getCode(), "unexpected", e.getCode(), String.valueOf(e.getResponseBody()), null,
                RetryAfter.seconds(null, header));
    }
}
