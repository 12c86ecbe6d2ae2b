package io.hakit.openapi.clients;

import io.hakit.openapi.HaContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the typed calls of one or more languages: {@code FacadeMain BUNDLE LANGUAGE=DIR...}, for example
 * {@code java -cp ha-openapi.jar io.hakit.openapi.clients.FacadeMain ha-api.yaml python=clients/python}. Each
 * DIR is the generated client's own directory; the files are written beside its sources.
 */
public final class FacadeMain {

    private FacadeMain() {}

    public static void main(String[] args) throws IOException {
        List<ClientOperation> operations = ClientOperation.of(HaContract.load(Path.of(args[0])));
        for (int i = 1; i < args.length; i++) {
            String[] target = args[i].split("=", 2);
            for (Map.Entry<String, String> file : Facade.named(target[0]).files(operations).entrySet()) {
                Path path = Path.of(target[1]).resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        }
    }
}
