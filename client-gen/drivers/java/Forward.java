package io.hakit.client.drivers;

import io.hakit.client.HaApi;
import io.hakit.client.HaFault;
import io.hakit.client.invoker.ApiClient;
import io.hakit.client.model.*;
import java.util.List;
import java.util.OptionalLong;

/**
 * Forward compatibility: what the Java client does with answers of a newer service (ForwardCompatibilityTest's
 * server): a group in a state this client does not know, with fields it does not know, in a show and in a list, and
 * faults by a name it does not know (409), 422 and a 413 whose seconds are only in Retry-After (a number, then an
 * HTTP-date), and a restart's 202 of white space only; and no HaFault for what is no fault answer (a 200 it cannot
 * read, a connection refused). The same source runs
 * for native, okhttp-gson and restclient, rewritten like Driver.java. Usage: Forward BASE_URL GROUP_ID.
 */
public final class Forward {

    private Forward() {}

    static ApiClient client(String base, String token) {
        return io.hakit.client.HaClients.create(java.net.URI.create(base), token); // CLIENT
    }

    public static void run(String base, String group) {
        HaApi api = new HaApi(client(base, "forward-token"), "1234");

        HaInstance shown = api.showHaInstance(group).getHaInstance();
        expect(shown.getId().equals(group) && shown.getName().equals("ha-1") && shown.getState() == HaState.UNKNOWN_DEFAULT_OPEN_API
                && shown.getVolume().getSize() == 1 && shown.getFlavor().getLinks().get(0).getRel() == Link.RelEnum.UNKNOWN_DEFAULT_OPEN_API
                && shown.getNetworks().get(0).getNetwork() == NetworkName.UNKNOWN_DEFAULT_OPEN_API
                && shown.getNetworks().get(1).getNetwork() == NetworkName.SERVICENET,
                "a group in an unknown state, with unknown fields, is read: " + shown);

        List<HaInstanceSummary> listed = api.listHaInstances().getHaInstances();
        expect(listed.size() == 2 && listed.get(0).getId().equals(group) && listed.get(0).getState() == HaState.UNKNOWN_DEFAULT_OPEN_API
                && listed.get(1).getState() == HaState.ACTIVE, "a list holding a group in an unknown state is read: " + listed);

        HaFault conflict = fault(() -> api.listHaAcls(group));
        expect(conflict.status() == 409 && conflict.faultName().equals("conflictingRequest")
                && conflict.faultMessage().equals("A change to this group is under way."), "an unknown fault is typed: " + conflict);

        HaFault refused = fault(() -> api.deleteHaInstance(group));
        expect(refused.status() == 422 && refused.faultName().equals("unprocessableEntity")
                && refused.faultMessage().equals("The group is being upgraded.")
                && refused.details().equals(java.util.Optional.of("Wait for ACTIVE.")), "a 422 is typed: " + refused);

        HaFault limited = fault(() -> api.listHaBackups(group));
        expect(limited.status() == 413 && limited.faultName().equals("overLimit") && limited.retryAfter().equals(OptionalLong.of(45)),
                "a 413's seconds come from Retry-After: " + limited + " " + limited.retryAfter());
        HaFault dated = fault(() -> api.listHaBackups("dated"));
        expect(dated.status() == 413 && dated.retryAfter().isPresent() && dated.retryAfter().getAsLong() >= 1
                && dated.retryAfter().getAsLong() <= 120,
                "a 413's seconds come from a Retry-After HTTP-date, two minutes ahead: " + dated + " " + dated.retryAfter());
        api.restartHaInstance(group); // a 202 whose body is only white space: no body to read, and no error

        RuntimeException unreadable = thrown(() -> api.showHaInstance("unreadable"));
        expect(!(unreadable instanceof HaFault) && (unreadable.getCause() != null || unreadable.getMessage() != null),
                "a 200 the client cannot read is no fault, and says why: " + unreadable);
        for (String shape : new String[] {"shapeless", "nameless"}) {
            RuntimeException missing = thrown(() -> api.showHaInstance(shape));
            expect(!(missing instanceof HaFault) && missing.getMessage() != null,
                    "a 200 without the documented group's required members (" + shape + ") is an error, no fault: " + missing);
        }
        RuntimeException noConnection = thrown(() -> new HaApi(client("http://127.0.0.1:1", "forward-token"), "1234").listHaInstances());
        expect(!(noConnection instanceof HaFault) && noConnection.getCause() != null, "a connection refused is no fault, and keeps its cause: " + noConnection);
        System.out.println("forward ok");
    }

    private static HaFault fault(Runnable call) {
        try {
            call.run();
        } catch (HaFault f) {
            return f;
        }
        throw new AssertionError("expected a fault");
    }

    private static RuntimeException thrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an exception");
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("forward failed: " + what);
        }
    }
}
