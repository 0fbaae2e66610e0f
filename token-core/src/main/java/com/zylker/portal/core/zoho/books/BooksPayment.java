package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer payment applied to an invoice ({@code GET /invoices/{id}/payments}); {@code amount} is what it applied. */
public record BooksPayment(String id, String number, String mode, LocalDate date, String referenceNumber,
                           BigDecimal amount, String description) implements java.io.Serializable {
}
