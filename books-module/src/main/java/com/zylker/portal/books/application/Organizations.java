package com.zylker.portal.books.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Books organizations a user belongs to (an accounts officer may have several), cached per user for a
 * few minutes: Books allows 100 calls a minute for a whole organization, and this list hardly changes. With
 * one, it is the user's; with several, the one the user chose (remembered in the database, so any node
 * knows it), until the user chooses again.
 */
@ApplicationScoped
public class Organizations {

    @Inject
    ZohoBooksClient books;

    @Inject
    BooksStore store;

    @Inject
    Clock clock;

    private ShortCache<String, List<BooksOrganization>> cache;
    private final SingleFlight<String, List<BooksOrganization>> loads = new SingleFlight<>();

    @PostConstruct
    void init() {
        cache = new ShortCache<>(Duration.ofMinutes(5), 10_000, clock);
    }

    public List<BooksOrganization> of(String user) {
        String key = user.toLowerCase(Locale.ROOT);
        return cache.get(key, () -> loads.load(key, () -> List.copyOf(books.organizations(user))));
    }

    /** The organization the Books screens work in; empty when the user has several and has not chosen yet. */
    public Optional<BooksOrganization> current(String user) {
        List<BooksOrganization> all = of(user);
        if (all.size() == 1) {
            return Optional.of(all.get(0));
        }
        Optional<String> chosen = store.chosenOrganization(user);
        return chosen.flatMap(id -> all.stream().filter(o -> o.id().equals(id)).findFirst());
    }

    /** For the dashboard: the current one, else Books' default, else the first. */
    public Optional<BooksOrganization> currentOrDefault(String user) {
        Optional<BooksOrganization> current = current(user);
        if (current.isPresent()) {
            return current;
        }
        List<BooksOrganization> all = of(user);
        return all.stream().filter(BooksOrganization::defaultOrg).findFirst().or(() -> all.stream().findFirst());
    }

    /** Remembers the user's choice; false (nothing stored) when the user is not a member of that organization. */
    public boolean choose(String user, String organizationId) {
        if (of(user).stream().noneMatch(o -> o.id().equals(organizationId))) {
            return false;
        }
        store.chooseOrganization(user, organizationId);
        return true;
    }

    /**
     * Books said the user is not (or no longer) in the organization: forget the list and the choice, so that
     * the next screen asks again with what Books says now.
     */
    public void forget(String user) {
        cache.invalidate(user.toLowerCase(Locale.ROOT));
        store.forgetOrganization(user);
    }
}
