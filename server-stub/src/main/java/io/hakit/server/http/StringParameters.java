package io.hakit.server.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A path, query or header parameter declared as {@code String} is its value as sent, unchanged. Jersey asks custom
 * converters before its own; its own would first look for {@code String.valueOf(String)} and
 * {@code String.fromString(String)} by reflection, for each of the 148 such parameters of the generated interfaces,
 * and throw and catch a {@code NoSuchMethodException} for each (296 at every start), before settling on
 * {@code new String(value)}: a copy of every value, on every request.
 *
 * <p>A parameter the request does not send, and that has no default, reaches {@code fromString} as {@code null}:
 * Jersey asks the converter anyway and reads the {@code IllegalArgumentException} that {@link ParamConverter}'s
 * contract prescribes as "absent". That exception is made without a stack trace ({@link Absent}): with one, each
 * absent parameter of a request cost the JVM a walk of about a hundred frames (a list without {@code marker} or
 * {@code limit}, 2.4 % of the read mix's CPU).
 */
public final class StringParameters implements ParamConverterProvider {

    private static final ParamConverter<String> AS_SENT = new ParamConverter<>() {
        @Override
        public String fromString(String value) {
            if (value == null) {
                throw new Absent();
            }
            return value;
        }

        @Override
        public String toString(String value) {
            if (value == null) {
                throw new IllegalArgumentException("no value");
            }
            return value;
        }
    };

    /** What {@code fromString} throws for a parameter the request did not send: no stack trace, nothing to trace. */
    static final class Absent extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Absent() {
            super("no value");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == String.class ? (ParamConverter<T>) AS_SENT : null;
    }
}
