package io.hakit.openapi;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's files: the root comes from the build, the rest from the layout. */
final class KitPaths {

    static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    static final Path OPENAPI = ROOT.resolve("openapi");
    static final Path SOURCE_ROOT = OPENAPI.resolve("ha-api.yaml");
    static final Path BUNDLE = OPENAPI.resolve("target/ha-api.yaml");
    static final Path BASELINE = OPENAPI.resolve("baseline/ha-api.yaml");
    static final Path FIXTURES = OPENAPI.resolve("target/gate-fixtures");
    static final Path SEED = ROOT.resolve("docs/seed-ha-api-reference.txt");

    private KitPaths() {}

    static Path nodeTool(String name) {
        Path tool = ROOT.resolve("node_modules/.bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: the build installs it with npm ci");
        }
        return tool;
    }
}
