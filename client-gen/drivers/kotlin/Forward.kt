// Forward compatibility (ForwardCompatibilityTest): a group in a state this client does not know, with fields it
// does not know, in a show and in a list, and faults by a name it does not know (409), 422 and a 413 whose seconds
// are only in Retry-After (a number, then an HTTP-date), and a restart's 202 of white space only, read through the
// Kotlin client's HaApi. Usage: ForwardKt.forward(BASE_URL, GROUP_ID).
package io.hakit.clients.kotlin.drivers

import io.hakit.clients.kotlin.HaApi
import io.hakit.clients.kotlin.HaFault
import io.hakit.clients.kotlin.models.HaState
import io.hakit.clients.kotlin.models.Link
import io.hakit.clients.kotlin.models.NetworkName

private fun check(condition: Boolean, what: String) {
    if (!condition) throw AssertionError("forward failed: $what")
}

private fun faultOf(call: () -> Any?): HaFault {
    try {
        call()
    } catch (f: HaFault) {
        return f
    }
    throw AssertionError("expected a fault")
}

fun forward(base: String, group: String) {
    val api = HaApi(base, "1234", "forward-token")

    val shown = api.showHaInstance(group).haInstance
    check(shown.id == group && shown.name == "ha-1" && shown.state == HaState.unknown_default_open_api && shown.volume.propertySize == 1 &&
        shown.flavor.links[0].rel == Link.Rel.unknown_default_open_api && shown.networks[0].network == NetworkName.unknown_default_open_api &&
        shown.networks[1].network == NetworkName.servicenet,
        "a group in an unknown state, with unknown fields, is read: $shown")

    val listed = api.listHaInstances().haInstances
    check(listed.size == 2 && listed[0].id == group && listed[0].state == HaState.unknown_default_open_api && listed[1].state == HaState.ACTIVE,
        "a list holding a group in an unknown state is read: $listed")

    val conflict = faultOf { api.listHaAcls(group) }
    check(conflict.status == 409 && conflict.faultName == "conflictingRequest" &&
        conflict.faultMessage == "A change to this group is under way.", "an unknown fault is typed: $conflict")

    val refused = faultOf { api.deleteHaInstance(group) }
    check(refused.status == 422 && refused.faultName == "unprocessableEntity" &&
        refused.faultMessage == "The group is being upgraded." && refused.details == "Wait for ACTIVE.", "a 422 is typed: $refused")

    val limited = faultOf { api.listHaBackups(group) }
    check(limited.status == 413 && limited.faultName == "overLimit" && limited.retryAfter == 45L,
        "a 413's seconds come from Retry-After: $limited ${limited.retryAfter}")
    val dated = faultOf { api.listHaBackups("dated") }
    check(dated.status == 413 && (dated.retryAfter ?: 0L) in 1L..120L,
        "a 413's seconds come from a Retry-After HTTP-date, two minutes ahead: $dated ${dated.retryAfter}")
    api.restartHaInstance(group) // a 202 whose body is only white space: no body to read, and no error

    val unreadable = thrown { api.showHaInstance("unreadable") }
    check(unreadable !is HaFault, "a 200 the client cannot read is no fault: $unreadable")
    for (shape in listOf("shapeless", "nameless")) {
        val missing = thrown { api.showHaInstance(shape) }
        check(missing !is HaFault, "a 200 without the documented group's required members ($shape) is an error, no fault: $missing")
    }
    val refusedConnection = thrown { HaApi("http://127.0.0.1:1", "1234", "forward-token").listHaInstances() }
    check(refusedConnection !is HaFault, "a connection refused is no fault: $refusedConnection")
}

private fun thrown(call: () -> Any?): Throwable {
    try {
        call()
    } catch (e: Exception) {
        return e
    }
    throw AssertionError("expected an exception")
}
