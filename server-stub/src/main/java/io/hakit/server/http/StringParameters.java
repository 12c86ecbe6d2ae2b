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
 */
public final class StringParameters implements ParamConverterProvider {

    private static final ParamConverter<String> AS_SENT = new ParamConverter<>() {
        @Override
        public String fromString(String value) {
            if (value == null) {
                throw new IllegalArgumentException("no value"); // the contract of fromString; Jersey never passes null
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

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == String.class ? (ParamConverter<T>) AS_SENT : null;
    }
}
