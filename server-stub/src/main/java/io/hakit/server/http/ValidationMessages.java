package io.hakit.server.http;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.server.domain.Echoes;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The validator's verdict on a request (or on a value of a world a client gives) in a client's terms: which value (a JSON Pointer into the body, or the
 * parameter by name) and what the document says of it. The validator's own sentences ("Instance type (null) does
 * not match any allowed primitive type") name its schema library's notions, leave a parameter unnamed, and echo
 * the client's input whole (a 120 KB value came back twice in a 720 KB 400). Here a value the client sent is
 * never repeated longer than {@link Echoes#MAX_CHARS} characters, and a message is at most {@link #MAX_CHARS}.
 */
public final class ValidationMessages {

    static final int MAX_CHARS = 400;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON array of strings: the names in "missing required properties ([\"a\",\"b\"])" and the like. */
    private static final Pattern NAMES = Pattern.compile(
            "\\[(\"(?:[^\"\\\\]|\\\\.)*\"(?:,\"(?:[^\"\\\\]|\\\\.)*\")*)]");
    /** A value in double or single quotes (the validator quotes both ways). */
    private static final Pattern QUOTED = Pattern.compile("([\"'])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1");
    private static final Pattern LENGTH = Pattern.compile(
            "\\(length: (\\d+), (?:maximum allowed|required minimum): (\\d+)\\)");
    private static final Pattern BOUND = Pattern.compile("\\((?:maximum|minimum): ([^,]+), found: ([^)]+)\\)");
    /** The validator's "value for int32 leads to overflow (found: ...)" and its kin for other formats. */
    private static final Pattern OVERFLOW = Pattern.compile("(?i)value for (\\w+) leads to overflow");
    /** A JSON array of numbers: the values of an enum of integers ("possible values: [413,500]"). */
    private static final Pattern NUMBERS = Pattern.compile("\\[(-?[0-9][0-9.eE+-]*(?:,\\s*-?[0-9][0-9.eE+-]*)*)]");
    private static final Pattern COUNTS = Pattern.compile("(\\d+)\\D+(\\d+)");
    private static final Pattern TYPES = Pattern.compile(
            "\\((\\w+)\\) does not match any allowed primitive type \\(allowed: (\\[.*])\\)");

    private ValidationMessages() {}

    /** At most five of the report's errors, each said once. */
    static String summary(ValidationReport report, byte[] body, String rawQuery) {
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        return errors.stream().filter(m -> !saidByAnother(m, errors))
                .map(m -> describe(m, body, rawQuery)).distinct().limit(5).collect(Collectors.joining(" "));
    }

    /**
     * A value past its format's range (limit=99999999999999999999 is no int32) also fails the schema's own bound,
     * whose message names the value and the bound: the format's overflow is then not said again, in the library's
     * words.
     */
    private static boolean saidByAnother(ValidationReport.Message message, List<ValidationReport.Message> errors) {
        return OVERFLOW.matcher(message.getMessage()).find() && errors.stream().anyMatch(other -> other != message
                && !OVERFLOW.matcher(other.getMessage()).find() && subjectOf(other).equals(subjectOf(message)));
    }

    private static String subjectOf(ValidationReport.Message message) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                .map(p -> p.getIn() + ":" + p.getName()).orElseGet(() -> "body:" + pointer(message));
    }

    static String describe(ValidationReport.Message message, byte[] body, String rawQuery) {
        String key = message.getKey();
        Optional<Parameter> parameter = message.getContext().flatMap(ValidationReport.MessageContext::getParameter);
        if (key.endsWith(".schema.invalidJson")) { // Jackson's words for what is not JSON: its classes, settings
            return parameter.map(p -> "The " + p.getIn() + " parameter " + bounded(p.getName()) + " is not a valid "
                            + Optional.ofNullable(p.getSchema()).map(Schema::getType).orElse("value") + ".")
                    .orElseGet(() -> JsonSyntax.problem(body).orElse("The request body is not valid JSON."));
        }
        if (key.endsWith(".schema.unknownError")) { // the validator's own failure, in its words
            // a body of white space alone fails this way too: that is the body's problem, said as JsonSyntax says it
            return JsonSyntax.problem(body).orElse("A value of the request is beyond what the server can judge "
                    + "against the document (a number out of every range, for one).");
        }
        return describe(message, rawQuery);
    }

    /** One of the validator's messages about a parameter, the body or its schema; a bounded copy of any other. */
    private static String describe(ValidationReport.Message message, String rawQuery) {
        Optional<Parameter> parameter = message.getContext().flatMap(ValidationReport.MessageContext::getParameter);
        String subject = parameter.map(p -> "The " + p.getIn() + " parameter " + bounded(p.getName()))
                .orElseGet(() -> bodySubject(message));
        return describe(message, subject, rawQuery);
    }

    /** One of the validator's messages about a value the caller names: {@code subject} is what its sentence is about. */
    public static String described(String subject, ValidationReport.Message message) {
        return describe(message, subject, null);
    }

    private static String describe(ValidationReport.Message message, String subject, String rawQuery) {
        String key = message.getKey();
        Optional<Parameter> parameter = message.getContext().flatMap(ValidationReport.MessageContext::getParameter);
        String text = withoutPathPrefix(message);
        boolean aboutBody = key.startsWith("validation.request.body.") && !key.contains(".schema.");
        String said = switch (key.substring(key.lastIndexOf('.') + 1)) {
            case "required" -> names(text)
                    .map(n -> subject + " lacks " + n + ", which the document requires.").orElse(null);
            case "additionalProperties" -> names(text)
                    .map(n -> subject + " has a member the document does not define: " + n + ".").orElse(null);
            case "type" -> types(subject, text);
            case "pattern" -> subject + " does not have the form the document gives it" + pattern(text) + ".";
            case "maxLength" -> length(subject, text, "at most");
            case "minLength" -> length(subject, text, "at least");
            case "maximum" -> bound(subject, text, "at most");
            case "minimum" -> bound(subject, text, "at least");
            case "enum" -> enumValues(text)
                    .map(n -> subject + " is not one of the documented values: " + n + ".").orElse(null);
            case "maxItems" -> counts(subject, text, "items", "at most");
            case "minItems" -> counts(subject, text, "items", "at least");
            case "maxProperties" -> counts(subject, text, "members", "at most");
            case "minProperties" -> counts(subject, text, "members", "at least");
            // the library says only "Array must not contain duplicate elements": no value is named
            case "uniqueItems" -> subject + " has an item more than once; the document takes each item once.";
            case "oneOf", "anyOf" -> subject + " matches none of the forms the document allows for it"
                    + nested(message, rawQuery);
            case "missing" -> aboutBody ? "This operation needs a request body."
                    : parameter.map(p -> missing(p, rawQuery)).orElse(null);
            case "unexpected" -> aboutBody ? "This operation takes no request body."
                    : quoted(text).map(name -> "The query parameter " + name + " is not one this operation takes.")
                    .orElse(null);
            case "invalid" -> key.endsWith(".collection.invalid")
                    ? quoted(text).map(name -> "The query parameter " + name
                            + " is given more than once; it takes one value.").orElse(null)
                    : null;
            default -> null;
        };
        if (said == null) {
            Matcher overflow = OVERFLOW.matcher(text);
            if (overflow.find()) {
                said = subject + " is out of the range of its format in the document (" + overflow.group(1) + ").";
            }
        }
        return said != null ? said : withoutEchoes(text);
    }

    private static String bodySubject(ValidationReport.Message message) {
        String pointer = pointer(message);
        return pointer.isEmpty() ? "The request body" : "The request body's value at " + bounded(pointer);
    }

    private static String pointer(ValidationReport.Message message) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
    }

    /** The validator puts "[Path '/ha/name'] " before a schema message; the pointer is named from the context. */
    private static String withoutPathPrefix(ValidationReport.Message message) {
        String prefix = "[Path '" + pointer(message) + "'] ";
        String text = message.getMessage();
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** An empty {@code ?limit=} reaches the validator as a missing value. */
    private static String missing(Parameter parameter, String rawQuery) {
        boolean sent = rawQuery != null && ("&" + rawQuery).contains("&" + parameter.getName());
        return "The " + parameter.getIn() + " parameter " + bounded(parameter.getName())
                + (sent ? " has no value." : " is required.");
    }

    /** The JSON array of names in a message (the schema's, or the client's member names), bounded. */
    private static Optional<String> names(String text) {
        Matcher matcher = NAMES.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            List<String> names = JSON.readValue("[" + matcher.group(1) + "]", new TypeReference<List<String>>() {});
            String shown = names.stream().limit(5).map(ValidationMessages::bounded).collect(Collectors.joining(", "));
            return Optional.of(names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The values an enum allows, as its message lists them: strings (["a","b"]) or numbers ([413,500]). */
    private static Optional<String> enumValues(String text) {
        String values = text.substring(Math.max(0, text.indexOf("possible values")));
        return names(values).or(() -> {
            Matcher numbers = NUMBERS.matcher(values);
            return numbers.find() ? Optional.of(String.join(", ", numbers.group(1).split(",\\s*"))) : Optional.empty();
        });
    }

    private static Optional<String> quoted(String text) {
        Matcher matcher = QUOTED.matcher(text);
        return matcher.find() ? Optional.of(bounded(matcher.group(2))) : Optional.empty();
    }

    private static String types(String subject, String text) {
        Matcher matcher = TYPES.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        return names(matcher.group(2)).map(allowed -> subject + " is " + article(matcher.group(1))
                + "; the document takes " + Arrays.stream(allowed.split(", ")).map(ValidationMessages::article)
                .collect(Collectors.joining(" or ")) + ".").orElse(null);
    }

    private static String article(String type) {
        return switch (type) {
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }

    /** The pattern is the document's, not the client's input: shown, so that the client can see what fits. */
    private static String pattern(String text) {
        int start = text.indexOf("regex \"");
        int end = text.lastIndexOf("\" does not match");
        return start < 0 || end <= start ? "" : " (the pattern " + text.substring(start + 7, end) + ")";
    }

    private static String length(String subject, String text, String limit) {
        Matcher matcher = LENGTH.matcher(text);
        return matcher.find() ? subject + " is " + matcher.group(1) + " characters long; the document allows " + limit
                + " " + matcher.group(2) + "." : null;
    }

    private static String bound(String subject, String text, String limit) {
        Matcher matcher = BOUND.matcher(text);
        String exclusive = text.contains("or equal to") ? ", exclusive" : "";
        return matcher.find() ? subject + " is " + bounded(matcher.group(2)) + "; the document allows " + limit + " "
                + matcher.group(1) + exclusive + "." : null;
    }

    private static String counts(String subject, String text, String things, String limit) {
        Matcher matcher = COUNTS.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        // "must have at least 1 elements but instance has 0" names the limit first, "(found 1 but ... at most 0)" last
        boolean limitFirst = text.startsWith("Array is too");
        String found = limitFirst ? matcher.group(2) : matcher.group(1);
        String bound = limitFirst ? matcher.group(1) : matcher.group(2);
        return subject + " has " + found + " " + things + "; the document allows " + limit + " " + bound + ".";
    }

    private static String nested(ValidationReport.Message message, String rawQuery) {
        String reasons = message.getNestedMessages().stream().limit(2).map(m -> describe(m, rawQuery))
                .collect(Collectors.joining(" "));
        return reasons.isEmpty() ? "." : ": " + reasons;
    }

    /** A quoted value of the client's, in a message this class has no words of its own for, cut short. */
    private static String withoutEchoes(String text) {
        Matcher matcher = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String quote = matcher.group(1);
            matcher.appendReplacement(out, Matcher.quoteReplacement(quote + bounded(matcher.group(2)) + quote));
        }
        matcher.appendTail(out);
        return out.length() <= MAX_CHARS ? out.toString() : out.substring(0, MAX_CHARS - 1) + "…";
    }

    private static String bounded(String value) {
        return Echoes.bounded(value);
    }
}
