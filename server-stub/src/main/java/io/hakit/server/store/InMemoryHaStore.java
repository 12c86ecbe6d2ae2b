package io.hakit.server.store;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The default store: accounts in a map, sorted by id so that dumps are stable. */
public final class InMemoryHaStore implements HaStore {

    private final Map<String, AccountData> accounts = new TreeMap<>();

    @Override
    public AccountData account(String accountId) {
        return accounts.computeIfAbsent(accountId, AccountData::new);
    }

    @Override
    public Optional<AccountData> existingAccount(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public Collection<AccountData> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    @Override
    public void removeAccount(String accountId) {
        accounts.remove(accountId);
    }

    @Override
    public void clear() {
        accounts.clear();
    }
}
