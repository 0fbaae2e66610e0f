package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** An invoice to create as a draft ({@code POST /invoices}); {@code referenceNumber} ≤ 100 characters. */
public record NewBooksInvoice(String customerId, LocalDate date, LocalDate dueDate, String referenceNumber,
                              List<Line> lines) {

    /** A line: description, quantity (> 0) and rate (≥ 0). */
    public record Line(String description, BigDecimal quantity, BigDecimal rate) {
        public Line {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(rate, "rate");
        }
    }

    public NewBooksInvoice {
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs a line");
        }
        if (referenceNumber != null && referenceNumber.length() > 100) {
            throw new IllegalArgumentException("reference_number has at most 100 characters");
        }
    }
}
