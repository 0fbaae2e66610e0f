package com.zylker.portal.core.zoho.books;

import java.util.List;

/**
 * What Books would send for an invoice ({@code GET /invoices/{id}/email}, under {@code data}): recipients
 * (those Books preselects first) and the text. {@code body} is Books' HTML; the screens show it as text.
 */
public record BooksEmailContent(List<Recipient> recipients, String subject, String body) implements java.io.Serializable {

    public record Recipient(String email, String name, boolean selected) implements java.io.Serializable {
    }

    public BooksEmailContent {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
