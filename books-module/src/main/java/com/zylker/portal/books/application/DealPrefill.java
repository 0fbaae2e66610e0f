package com.zylker.portal.books.application;

import com.zylker.portal.core.zoho.books.BooksContact;
import com.zylker.portal.core.zoho.books.BooksInvoice;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A won enrolment (CRM deal) read for an invoice: the deal, its contact, the Books customer with that email
 * (or {@code null}: it will be created on save), and an invoice already raised for the deal (or {@code null}).
 */
public record DealPrefill(String dealId, String dealName, String stage, BigDecimal amount, String crmContactId,
                          String contactName, String firstName, String lastName, String email, String accountName,
                          BooksContact customer, BooksInvoice existingInvoice) implements Serializable {

    public boolean won() {
        return "Closed Won".equalsIgnoreCase(stage == null ? "" : stage.strip());
    }
}
