package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as Books lists it; money as {@link BigDecimal} in {@code currencyCode}. */
public record BooksInvoice(String id, String number, String customerId, String customerName, String status,
                           LocalDate date, LocalDate dueDate, String currencyCode, BigDecimal total,
                           BigDecimal balance, String referenceNumber) implements java.io.Serializable {
}
