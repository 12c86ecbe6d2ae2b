package io.hakit.server.http;

import com.atlassian.oai.validator.model.Body;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * A request body as the validator reads it: parsed from its bytes (not from a String of them, twice their size), with
 * no string value longer than {@link #MAX_STRING_CHARS}. No value of either document comes near that; a world load of
 * megabytes in one string, parsed whole, had run the heap out (one such string costs three times its size while it is
 * read). A longer string is a parse error, which the validator reports: a 400.
 */
record BoundedJsonBody(byte[] bytes) implements Body {

    static final int MAX_STRING_CHARS = 64 * 1024;

    /**
     * Data after the body's value is a parse error too (Jackson's readTree would ignore it): a 400. So is an object
     * that names a member twice: RFC 8259 leaves its meaning to the reader, and a body read one way by the validator
     * and another by the service is not one to accept.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public boolean hasBody() {
        return bytes.length > 0;
    }

    @Override
    public JsonNode toJsonNode() throws IOException {
        return JSON.readTree(bytes);
    }

    @Override
    public String toString(Charset encoding) {
        return new String(bytes, encoding);
    }
}
