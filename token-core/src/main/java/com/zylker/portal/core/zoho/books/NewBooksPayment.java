package com.zylker.portal.core.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/** A customer payment applied in full to one invoice ({@code POST /customerpayments}). */
public record NewBooksPayment(String customerId, String invoiceId, BigDecimal amount, LocalDate date, String mode,
                              String referenceNumber, String description) {

    /** The payment modes Books documents. */
    public static final Set<String> MODES = Set.of("cash", "check", "creditcard", "banktransfer", "bankremittance",
            "autotransaction", "others");

    public NewBooksPayment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment is positive");
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("not a Books payment mode: " + mode);
        }
    }
}
