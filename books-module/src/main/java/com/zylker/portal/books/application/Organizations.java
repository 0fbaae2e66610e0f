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

/**
 * The Books organizations a user belongs to (an accounts officer may have several), cached per user for a
 * few minutes: Books allows 100 calls a minute for a whole organization, and this list hardly changes.
 * The start of the Books screens' organization choice.
 */
@ApplicationScoped
public class Organizations {

    @Inject
    ZohoBooksClient books;

    @Inject
    Clock clock;

    private ShortCache<String, List<BooksOrganization>> cache;

    @PostConstruct
    void init() {
        cache = new ShortCache<>(Duration.ofMinutes(5), 10_000, clock);
    }

    public List<BooksOrganization> of(String user) {
        return cache.get(user.toLowerCase(Locale.ROOT), () -> List.copyOf(books.organizations(user)));
    }
}
