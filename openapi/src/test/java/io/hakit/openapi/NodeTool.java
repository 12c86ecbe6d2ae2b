package io.hakit.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the pinned Node tools (Spectral, Redocly) and captures what it says. */
final class NodeTool {

    record Result(int exitCode, String output) {
        boolean passed() {
            return exitCode == 0;
        }
    }

    private NodeTool() {}

    static Result run(String tool, Object... args) {
        List<String> command = new ArrayList<>();
        command.add(KitPaths.nodeTool(tool).toString());
        for (Object arg : args) {
            command.add(arg instanceof Path p ? p.toAbsolutePath().toString() : arg.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(KitPaths.OPENAPI.toFile()).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
