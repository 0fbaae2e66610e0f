package com.zylker.portal.core.zoho.crm;

/** The user's CRM organization ({@code GET /org}). {@code timeZone} is an IANA id such as {@code Asia/Kolkata}. */
public record CrmOrg(String id, String companyName, String domainName, String timeZone, String currency) {
}
