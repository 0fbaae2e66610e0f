package com.zylker.portal.books.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.books.BooksContact;
import com.zylker.portal.core.zoho.books.ZohoBooksClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The customer autocomplete over Books contacts: at least {@value #MIN_CHARS} characters, at most
 * {@value #MAX_RESULTS} answers, cached per organization and text for {@value #TTL_SECONDS} s (the page
 * debounces typing as well), so a user typing "acme" costs one call, not four.
 */
@ApplicationScoped
public class Customers {

    public static final int MIN_CHARS = 3;
    static final int MAX_RESULTS = 15;
    static final int TTL_SECONDS = 120;

    @Inject
    ZohoBooksClient books;

    @Inject
    Clock clock;

    private ShortCache<String, List<BooksContact>> cache;

    @PostConstruct
    void init() {
        cache = new ShortCache<>(Duration.ofSeconds(TTL_SECONDS), 5_000, clock);
    }

    public List<BooksContact> search(String user, String organizationId, String text) {
        String t = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        if (t.length() < MIN_CHARS) {
            return List.of();
        }
        String q = t.length() > 100 ? t.substring(0, 100) : t;
        return cache.get(organizationId + "|" + q.toLowerCase(Locale.ROOT),
                () -> List.copyOf(books.contacts(user, organizationId, q, 1, MAX_RESULTS).items()));
    }

    /** One customer by id (a "new invoice for this customer" link): 1 call. */
    public BooksContact byId(String user, String organizationId, String contactId) {
        return books.contact(user, organizationId, contactId);
    }

    /** After a contact was created: searches that might now find it are asked again. */
    public void forgetSearches() {
        cache = new ShortCache<>(Duration.ofSeconds(TTL_SECONDS), 5_000, clock);
    }
}
