package io.hakit.server.store;

import java.util.Collection;
import java.util.Optional;

/**
 * Where the world's accounts are kept. The domain reads and changes them only under the world's lock, so an
 * implementation needs no locking of its own. In memory by default; the interface is what a persistent store would
 * implement.
 */
public interface HaStore {

    /** The account, created empty on first use. */
    AccountData account(String accountId);

    Optional<AccountData> existingAccount(String accountId);

    Collection<AccountData> accounts();

    void removeAccount(String accountId);

    void clear();
}
