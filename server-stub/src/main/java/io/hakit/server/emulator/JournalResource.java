package io.hakit.server.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.server.emulator.api.JournalApi;
import io.hakit.server.http.Journal;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/** What the server received, for tests to check what their clients actually sent. */
public final class JournalResource implements JournalApi {

    private final Journal journal;

    public JournalResource(Journal journal) {
        this.journal = journal;
    }

    @Override
    public Response readJournal(String account) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        var entries = view.putArray("entries");
        journal.entries().stream().filter(e -> account == null || Objects.equals(account, e.account()))
                .forEach(e -> entries.addObject().put("at", e.at().toString()).put("method", e.method())
                        .put("path", e.path()).put("operation", e.operation()).put("account", e.account())
                        .put("status", e.status()));
        return ControlResponses.json(200, view);
    }

    @Override
    public Response clearJournal() {
        journal.clear();
        return Response.noContent().build();
    }
}
