package com.zylker.sandbox.core;

/**
 * A person who can sign in at the sandbox. The ZUID is the accounts-wide id ({@code /oauth/user/info});
 * the CRM user id is the org-level id CRM uses in {@code Owner} lookups — Zoho keeps the two different,
 * and so does the sandbox, so the portal cannot confuse them unnoticed.
 */
public record DemoUser(long zuid, String crmUserId, String firstName, String lastName, String email,
                       String role, String profile, DataCenter dc, String timeZone) {

    public String displayName() {
        return firstName + " " + lastName;
    }

    /** The element id of this user's button on the sign-in page, e.g. {@code user-priya-raman}. */
    public String buttonId() {
        return "user-" + email.substring(0, email.indexOf('@')).replace('.', '-');
    }
}
