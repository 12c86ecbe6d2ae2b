package io.hakit.server.domain;

/** Reads of single instances: HA members and standalone ones. */
public final class Instances {

    private final World world;

    public Instances(World world) {
        this.world = world;
    }

    public DbInstance show(String accountId, String instanceId) {
        return world.locked(() -> {
            DbInstance instance = world.account(accountId).instances().get(instanceId);
            if (instance == null) {
                throw DomainException.notFound("Instance", instanceId);
            }
            return instance;
        });
    }
}
