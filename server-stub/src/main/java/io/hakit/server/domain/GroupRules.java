package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rules that say what a group, its members and an account may do; each rule lives here once. */
final class GroupRules {

    static final int MAX_REPLICAS = 2;
    static final int MIN_REPLICAS = 1;
    static final int MAX_VOLUME_GB = 300;
    /** Networks every group is on, whatever the request says. */
    static final String DEFAULT_NETWORK = "servicenet";

    private GroupRules() {}

    static HaGroup group(AccountData account, String haId) {
        HaGroup group = account.groups().get(haId);
        if (group == null) {
            throw DomainException.notFound("HA instance", haId);
        }
        return group;
    }

    /** 422 unless the group is in one of {@code allowed}. */
    static void requireState(HaGroup group, String action, HaState... allowed) {
        Set<HaState> states = EnumSet.copyOf(Arrays.asList(allowed));
        if (!states.contains(group.state())) {
            throw DomainException.unprocessable("Cannot " + action + ": HA instance " + group.id() + " is in "
                    + group.state().wireName() + " (it must be " + names(states) + ").");
        }
    }

    static Flavor haFlavor(Catalog catalog, String flavorRef) {
        Flavor flavor = catalog.flavorOrThrow(flavorRef);
        if (!flavor.fitsHa()) {
            throw DomainException.unprocessable("Flavor " + flavorRef + " has " + flavor.ramMb()
                    + " MB of RAM; HA groups need 1 GB or more.");
        }
        return flavor;
    }

    static void requireVolume(int size) {
        if (size < 1 || size > MAX_VOLUME_GB) {
            throw DomainException.badRequest("Volume size " + size + " must be between 1 and " + MAX_VOLUME_GB + " GB.");
        }
    }

    /** Every member of a group has the same flavor and volume size. */
    static void requireSameShape(List<MemberSpec> members) {
        MemberSpec first = members.get(0);
        for (MemberSpec member : members) {
            if (!member.flavorRef().equals(first.flavorRef()) || member.volumeSize() != first.volumeSize()) {
                throw DomainException.unprocessable(
                        "The source and the replicas of an HA group must have the same flavor and volume size.");
            }
        }
    }

    /** 413 when the account would hold more instances or more volume than its limits allow. */
    static void requireRoom(AccountData account, int moreInstances, int moreVolumeGb) {
        Limits limits = account.limits();
        int instances = account.instances().size();
        if (limits.maxInstances() != null && instances + moreInstances > limits.maxInstances()) {
            throw DomainException.overLimit("Instance limit exceeded: " + (instances + moreInstances) + " of "
                    + limits.maxInstances() + " instances.");
        }
        if (limits.maxVolumeGb() == null) {
            return; // no volume limit: the sum over every instance of the account is not needed
        }
        int volume = account.instances().values().stream().mapToInt(DbInstance::volumeSize).sum();
        if (volume + moreVolumeGb > limits.maxVolumeGb()) {
            throw DomainException.overLimit("Volume limit exceeded: " + (volume + moreVolumeGb) + " of "
                    + limits.maxVolumeGb() + " GB.");
        }
    }

    private static String names(Set<HaState> states) {
        return String.join(" or ", states.stream().map(HaState::wireName).toList());
    }
}
