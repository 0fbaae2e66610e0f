package com.zylker.portal.crm.application;

import com.zylker.portal.core.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Open in Zoho CRM": where a lead lives in Zoho CRM's own web UI, for the user's data centre. The base is
 * configuration, {@code zoho.dc.<dc>.crm-url} (MicroProfile Config, e.g. {@code ZOHO_DC_EU_CRM_URL}; the demo
 * defaults point at the sandbox's record pages), the record's page is {@code <base>/crm/tab/<tab>/<id>}.
 * Without a key the base is Zoho's own host of that data centre. A data centre without a base gets no link
 * rather than a wrong one, and only http(s) bases become links.
 */
@ApplicationScoped
public class LeadLinks {

    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,40}");
    private static final Map<String, String> ZOHO_CRM_HOSTS = Map.of(
            "com", "https://crm.zoho.com", "eu", "https://crm.zoho.eu", "in", "https://crm.zoho.in",
            "com.au", "https://crm.zoho.com.au", "jp", "https://crm.zoho.jp", "ca", "https://crm.zohocloud.ca",
            "sa", "https://crm.zoho.sa", "uk", "https://crm.zoho.uk");

    @Inject
    PortalConfig config;

    public LeadLinks() {
    }

    LeadLinks(PortalConfig config) {
        this.config = config;
    }

    /** The lead's page in Zoho CRM, or empty for an unknown data centre or a malformed id. */
    public Optional<String> inZohoCrm(String dataCentre, String leadId) {
        return record(dataCentre, "Leads", leadId);
    }

    /** A record's page in Zoho CRM's web UI ({@code tab}: {@code Leads}, {@code Potentials} for deals, …). */
    public Optional<String> record(String dataCentre, String tab, String id) {
        if (dataCentre == null || id == null || !RECORD_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return config.optionalValue("zoho.dc." + dataCentre + ".crm-url")
                .or(() -> Optional.ofNullable(ZOHO_CRM_HOSTS.get(dataCentre)))
                .map(String::strip)
                .filter(LeadLinks::webAddress)
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/crm/tab/" + tab + "/" + id);
    }

    /** Only http(s) addresses: a configured {@code javascript:} must never become a link. */
    private static boolean webAddress(String base) {
        try {
            URI uri = URI.create(base);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
