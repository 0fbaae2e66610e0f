package com.zylker.portal.crm.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The CRM user id of a portal user (what deals' {@code Owner} points at), asked once and kept for hours:
 * it does not change for the life of a CRM account.
 */
@ApplicationScoped
public class CrmUsers {

    @Inject
    ZohoCrmClient crm;

    @Inject
    Clock clock;

    private ShortCache<String, String> ids;

    @PostConstruct
    void init() {
        ids = new ShortCache<>(Duration.ofHours(12), 10_000, clock);
    }

    public String idOf(String user) {
        return ids.get(user.toLowerCase(Locale.ROOT), () -> crm.currentUser(user).id());
    }
}
