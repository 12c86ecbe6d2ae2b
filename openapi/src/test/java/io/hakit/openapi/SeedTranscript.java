package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire examples of the seed (docs/seed-ha-api-reference.txt, a verbatim copy of the authority), read as the
 * page shows them: a heading "Example TITLE: JSON request|response", the request or status line, header lines, and
 * a JSON body when there is one. The only normalisation is the one docs/seed-discrepancies.md lists: the shell
 * quotes around the remove-replica body are dropped.
 */
final class SeedTranscript {

    private static final Pattern HEADING = Pattern.compile("^Example (.*): JSON (request|response)$");
    private static final Pattern START_LINE = Pattern.compile("^(GET|POST|DELETE|PATCH|HTTP/1\\.1) ");
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z-]+): (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Example(String title, String kind, String startLine, Map<String, String> headers, Optional<JsonNode> body) {

        String key() {
            return title + " / " + kind;
        }

        /** The request path, or the response status. */
        String pathOrStatus() {
            String[] parts = startLine.split(" ");
            return parts[1];
        }
    }

    private SeedTranscript() {}

    static List<Example> read(Path seed) {
        try {
            return parse(Files.readAllLines(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Example> parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING.matcher(lines.get(i));
            if (!heading.matches()) {
                continue;
            }
            int j = i + 1;
            while (!START_LINE.matcher(lines.get(j)).find()) {
                j++;
            }
            String startLine = lines.get(j++);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Matcher h; j < lines.size() && (h = HEADER.matcher(lines.get(j))).matches(); j++) {
                headers.put(h.group(1), h.group(2));
            }
            StringBuilder body = new StringBuilder();
            if (j < lines.size() && (lines.get(j).startsWith("{") || lines.get(j).startsWith("'"))) {
                int depth = 0;
                do {
                    String line = lines.get(j++);
                    body.append(line).append('\n');
                    depth += count(line, "{[") - count(line, "}]");
                } while (depth > 0);
            }
            examples.add(new Example(heading.group(1), heading.group(2), startLine, headers, json(body.toString())));
            i = j - 1;
        }
        return examples;
    }

    private static Optional<JsonNode> json(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.startsWith("'") && trimmed.endsWith("'")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1); // the remove-replica body's shell quotes
        }
        try {
            return Optional.of(JSON.readTree(trimmed));
        } catch (IOException e) {
            throw new IllegalStateException("the seed's body is not JSON: " + trimmed, e);
        }
    }

    private static int count(String line, String chars) {
        return (int) line.chars().filter(c -> chars.indexOf(c) >= 0).count();
    }
}
