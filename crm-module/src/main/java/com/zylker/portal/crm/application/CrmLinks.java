package com.zylker.portal.crm.application;

import com.zylker.portal.core.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Open in Zoho CRM" links, built from configuration so they point at the user's own data centre:
 * {@code zoho.dc.<dc>.crm-url} (e.g. {@code https://crm.zoho.eu}) + {@code /crm/tab/<tab>/<id>}. Without the
 * key for a data centre no link is offered.
 */
@ApplicationScoped
public class CrmLinks {

    private static final Pattern ID = Pattern.compile("[0-9]{1,40}");

    @Inject
    PortalConfig config;

    public String deal(String dataCentre, String id) {
        return record(dataCentre, "Potentials", id);
    }

    public String lead(String dataCentre, String id) {
        return record(dataCentre, "Leads", id);
    }

    private String record(String dataCentre, String tab, String id) {
        if (dataCentre == null || id == null || !ID.matcher(id).matches()) {
            return null;
        }
        Optional<String> base = config.optionalValue("zoho.dc." + dataCentre + ".crm-url");
        return base.map(b -> (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/crm/tab/" + tab + "/" + id)
                .orElse(null);
    }
}
