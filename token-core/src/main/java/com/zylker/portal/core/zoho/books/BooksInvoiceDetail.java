package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice as {@code GET /invoices/{id}} gives it: the list fields, the lines, the totals Books computed
 * (never recomputed here: Books rounds per line), what was paid and what is left.
 */
public record BooksInvoiceDetail(BooksInvoice summary, List<BooksLineItem> lines, BigDecimal subTotal,
                                 BigDecimal taxTotal, List<BooksTax> taxes, BigDecimal paymentMade,
                                 BigDecimal creditsApplied, String notes, String terms, String invoiceUrl,
                                 boolean emailed) implements java.io.Serializable {

    public BooksInvoiceDetail {
        lines = lines == null ? List.of() : List.copyOf(lines);
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
    }
}
