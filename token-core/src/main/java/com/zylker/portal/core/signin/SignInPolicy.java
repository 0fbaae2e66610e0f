package com.zylker.portal.core.signin;

import com.zylker.portal.core.config.PortalConfig;
import java.util.Locale;
import java.util.Set;

/**
 * Who may sign in: a person whose email domain is in {@code portal.sign-in.allowed-domains}, or whose CRM
 * organization ({@code GET /crm/v8/org}) is {@code zoho.crm.org-id}. Either may be configured; the domain rule
 * is checked first and lets Books-only staff (no CRM access, so no organization to read) through. With neither
 * configured the demo lets everyone in, and production refuses (it also refuses to start that way).
 */
public final class SignInPolicy {

    private final Set<String> domains;
    private final String orgId;
    private final boolean production;

    public SignInPolicy(Set<String> domains, String orgId, boolean production) {
        this.domains = Set.copyOf(domains);
        this.orgId = orgId == null || orgId.isBlank() ? null : orgId.strip();
        this.production = production;
    }

    public static SignInPolicy of(PortalConfig config) {
        return new SignInPolicy(config.allowedSignInDomains(), config.crmOrgId().orElse(null), config.isProduction());
    }

    /** Whether either rule is configured; production mode must not start without one. */
    public boolean isConfigured() {
        return !domains.isEmpty() || orgId != null;
    }

    /** Whether the email's domain alone admits the person (no Zoho call needed). */
    public boolean admitsByDomain(String email) {
        if (!isConfigured()) {
            return !production;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the organization rule applies, so the CRM organization must be read. */
    public boolean checksOrganization() {
        return orgId != null;
    }

    /** Whether the person's CRM organization id admits them. */
    public boolean admitsOrganization(String crmOrgId) {
        return orgId != null && orgId.equals(crmOrgId);
    }
}
