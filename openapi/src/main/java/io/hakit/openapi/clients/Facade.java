package io.hakit.openapi.clients;

import java.util.List;
import java.util.Map;

/**
 * One language's thin layer over its generated client: one typed call per named operation, with the API version
 * and the account bound once. An implementation only spells the calls; what they are comes from
 * {@link ClientOperation}.
 */
public interface Facade {

    /** The files to write, by path relative to the output directory. */
    Map<String, String> files(List<ClientOperation> operations);

    /** The language's facades, by the name the build and the README use. */
    static Facade named(String name) {
        return switch (name) {
            case "java-native" -> new JavaFacade(JavaFacade.Library.NATIVE, "io.hakit.client");
            case "java-okhttp-gson" -> new JavaFacade(JavaFacade.Library.OKHTTP_GSON, "io.hakit.clients.okhttp");
            case "java-restclient" -> new JavaFacade(JavaFacade.Library.RESTCLIENT, "io.hakit.clients.restclient");
            case "kotlin" -> new KotlinFacade("io.hakit.clients.kotlin");
            case "typescript-fetch" -> new TypescriptFetchFacade();
            case "openapi-fetch" -> new OpenapiFetchFacade();
            case "python" -> new PythonFacade("ha_client");
            case "go" -> new GoFacade("haclient");
            default -> throw new IllegalArgumentException("no facade for " + name);
        };
    }
}
