package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With openapi-typescript's types of the bundle, each program of client-gen/typecheck/must-not-compile fails
 * {@code tsc --strict} with the error its first line expects (reading an action's answer without checking for its
 * absence: TS18047), and each of typecheck/must-compile passes, so that the failures are the checks and not a broken
 * setup. Against the document before its action answer was nullable, the first program compiled.
 */
class TypesThatCannotLieTest {

    @Test
    void readingAnActionsAnswerWithoutCheckingForItsAbsenceDoesNotCompile() throws IOException {
        Path types = Toolchains.openapiTypescriptTypes();
        for (String kind : List.of("must-compile", "must-not-compile")) {
            try (Stream<Path> programs = Files.list(Toolchains.MODULE.resolve("typecheck").resolve(kind))) {
                for (Path program : programs.sorted().toList()) {
                    Path dir = Toolchains.MODULE.resolve("target/typecheck").resolve(program.getFileName().toString().replace(".ts", ""));
                    Files.createDirectories(dir);
                    Files.copy(types, dir.resolve("schema.d.ts"), StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(program, dir.resolve(program.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    ProcessRun run = ProcessRun.run(dir, Map.of(), List.of(Toolchains.tsc(), "--strict", "--noEmit",
                            "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--skipLibCheck",
                            program.getFileName().toString()));
                    if (kind.equals("must-compile")) {
                        assertThat(run.succeeded()).as("%s compiles: %s", program.getFileName(), run.output()).isTrue();
                    } else {
                        String expected = Files.readAllLines(program).get(0).replace("// expect:", "").trim();
                        assertThat(run.succeeded()).as("%s must not compile", program.getFileName()).isFalse();
                        assertThat(run.output()).as("%s fails for its reason", program.getFileName()).contains("error " + expected);
                    }
                }
            }
        }
    }
}
