package com.zylker.portal.core.zoho.books;

/** An organization the user belongs to in Zoho Books ({@code GET /organizations}). */
public record BooksOrganization(String id, String name, boolean defaultOrg, String currencyCode,
                                String currencySymbol, String timeZone) implements java.io.Serializable {
}
