package com.zylker.portal.crm.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.crm.CrmOrg;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/** The CRM organization per data centre (its time zone and currency), asked rarely: it hardly ever changes. */
@ApplicationScoped
public class CrmOrgs {

    @Inject
    ZohoCrmClient crm;

    @Inject
    Clock clock;

    private ShortCache<String, CrmOrg> orgs;

    @PostConstruct
    void init() {
        orgs = new ShortCache<>(Duration.ofMinutes(30), 100, clock);
    }

    public CrmOrg of(String user, String dataCentre) {
        return orgs.get(dataCentre, () -> crm.org(user));
    }
}
