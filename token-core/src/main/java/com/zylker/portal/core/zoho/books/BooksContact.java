package com.zylker.portal.core.zoho.books;

/** A Books customer; {@code email} is the primary contact person's, {@code zcrmContactId} the CRM contact it syncs with. */
public record BooksContact(String id, String name, String companyName, String email, String zcrmContactId) implements java.io.Serializable {
}
