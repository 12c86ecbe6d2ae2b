package io.hakit.contract.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every probe's request and answer, failures first: what a reader needs to reproduce one. */
public final class EdgeReport {

    private EdgeReport() {}

    public static void write(Path file, List<EdgeProbeRunner.Result> results) {
        StringBuilder out = new StringBuilder();
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.append(results.size()).append(" probes, ").append(failed).append(" failed\n\n");
        results.stream().sorted((a, b) -> Boolean.compare(a.passed(), b.passed())).forEach(r -> out
                .append(r.passed() ? "PASS " : "FAIL ").append(r.probe().id()).append('\n')
                .append("  sent ").append(r.probe().printable()).append('\n')
                .append("  got  ").append(r.answer().summary().replace("\n", " ")).append(" (")
                .append(r.answer().took().toMillis()).append(" ms)\n")
                .append(r.passed() ? "" : "  " + r.violations() + "\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
