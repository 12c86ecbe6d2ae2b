package io.hakit.contract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stack trace in a Fault's text: the document makes a Fault's message "what went wrong, for a person", and a trace
 * (an exception thrown on malformed input and passed on) names the implementation's insides to whoever sent it. The
 * shape of a Fault was all the gate judged, so a 400 whose message was a Java trace passed. One pattern per runtime's
 * frame or header, each specific enough that a sentence about a request does not match it.
 */
final class StackTraces {

    private static final List<Pattern> FRAMES = List.of(
            // Java, Kotlin, Scala: "at io.x.Y.method(Y.java:42)", "(Native Method)", "(Unknown Source)"
            Pattern.compile("\\bat [\\w$]+(?:\\.[\\w$<>]+)+\\((?:[\\w$]+\\.(?:java|kt|scala|groovy)(?::\\d+)?|Native Method|Unknown Source)\\)"),
            // the JVM's "Exception in thread" and a fully qualified exception with its message or cause
            Pattern.compile("Exception in thread \"|\\b(?:[a-z][\\w$]*\\.){2,}[A-Z][\\w$]*(?:Exception|Error)\\b"),
            // Python
            Pattern.compile("Traceback \\(most recent call last\\)|File \"[^\"]+\\.py\", line \\d+"),
            // Node.js: "at fn (/srv/app.js:10:5)", "at /srv/app.js:10:5"
            Pattern.compile("\\bat (?:[^\\s()]+ )?\\(?(?:/|[A-Za-z]:\\\\|file:|node:)[^\\s()]*:\\d+:\\d+\\)?"),
            // Go: "goroutine 1 [running]:", "panic: runtime error"
            Pattern.compile("goroutine \\d+ \\[|panic: runtime error"),
            // .NET: "at Ns.Type.Method() in C:\\src\\X.cs:line 12"; Ruby: "app.rb:12:in `method'"; PHP: "#0 /srv/x.php(12)"
            Pattern.compile("\\) in \\S+:line \\d+|\\.rb:\\d+:in [`']|#\\d+ \\S+\\.php\\(\\d+\\)"));

    private StackTraces() {}

    /** The first piece of a stack trace in the text (at most 120 characters), or empty. */
    static Optional<String> in(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (Pattern frame : FRAMES) {
            Matcher found = frame.matcher(text);
            if (found.find()) {
                String piece = found.group();
                return Optional.of(piece.length() > 120 ? piece.substring(0, 120) + "..." : piece);
            }
        }
        return Optional.empty();
    }
}
