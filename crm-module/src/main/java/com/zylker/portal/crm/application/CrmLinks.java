package com.zylker.portal.crm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** "Open in Zoho CRM" for a deal: the same configuration and checks as {@link LeadLinks}. */
@ApplicationScoped
public class CrmLinks {

    @Inject
    LeadLinks links;

    public String deal(String dataCentre, String id) {
        return links.record(dataCentre, "Potentials", id).orElse(null);
    }
}
