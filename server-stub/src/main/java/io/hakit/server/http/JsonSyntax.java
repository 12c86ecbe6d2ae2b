package io.hakit.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Optional;

/**
 * What is wrong with a request body that is not one JSON value, in a client's terms: where (line and column) and
 * what. Jackson's own messages name its classes and settings ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS},
 * the Java class a body was bound to), which tell a client nothing and are not for the wire.
 */
final class JsonSyntax {

    /** The validator's reader, except that what follows the value is found here, to say so. */
    private static final ObjectReader TREE = BoundedJsonBody.JSON.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** How Jackson's duplicate detection (BoundedJsonBody.JSON) begins its message; it has no type of its own. */
    private static final String DUPLICATE = "Duplicate field '";

    private JsonSyntax() {}

    /** What is wrong with the body, read as the validator reads it; empty when it is one JSON value. */
    static Optional<String> problem(byte[] body) {
        try (JsonParser parser = TREE.createParser(body)) {
            if (TREE.readTree(parser) == null) {
                return Optional.of("The request body is not JSON: it holds no value.");
            }
            if (parser.nextToken() != null) {
                return Optional.of("The request body is not one JSON value: more follows it ("
                        + where(parser.currentTokenLocation()) + ").");
            }
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.of(describe(e));
        } catch (IOException e) {
            return Optional.of("The request body is not valid JSON.");
        }
    }

    /** A failure to read or bind a body, without Jackson's names for it. */
    static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "The request body is beyond what the server reads: nesting deeper than "
                    + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels, a string of more than "
                    + BoundedJsonBody.MAX_STRING_CHARS + " characters, or a number of more than "
                    + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits.";
        }
        if (e instanceof JsonParseException && e.getOriginalMessage().startsWith(DUPLICATE)) {
            return "The request body names a member twice in one object (" + where(e.getLocation())
                    + "): each name is given once.";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "The request body's value at " + pointer(mapping) + " is not of its documented type.";
        }
        return "The request body is not valid JSON (" + where(e.getLocation()) + ").";
    }

    private static String where(JsonLocation location) {
        return location == null ? "position unknown"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The JSON Pointer of the value that failed, from its field names and indexes. */
    private static String pointer(JsonMappingException mapping) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }
}
