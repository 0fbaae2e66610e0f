package com.zylker.portal.books.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The record-payment dialog: what was typed stays here (view state) when Books refuses it. */
public class PaymentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private BigDecimal amount;
    private LocalDate date;
    private String mode = "banktransfer";
    private String reference;

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
