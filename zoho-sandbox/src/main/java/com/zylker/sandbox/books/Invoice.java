package com.zylker.sandbox.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One invoice. Only draft, sent, viewed and void are stored; paid, partially paid and overdue are derived
 * from the balance, the due date and the sandbox clock, as Zoho derives them — so moving the clock makes
 * invoices overdue without anyone touching them.
 */
final class Invoice {

    record Line(String lineItemId, String itemId, String name, String description, BigDecimal rate,
                BigDecimal quantity, BigDecimal discount, String taxId, String taxName, BigDecimal taxPercentage,
                BigDecimal itemTotal, BigDecimal taxAmount) {
    }

    /** A payment's share applied to this invoice. */
    record Applied(String paymentId, BigDecimal amount) {
    }

    final String id;
    final String number;
    final Contact customer;
    final LocalDate date;
    final LocalDate dueDate;
    final String referenceNumber;
    final String notes;
    final String terms;
    final List<Line> lines;
    final String createdTime;
    String lastModifiedTime;
    String stored;
    boolean emailed;
    final List<Applied> applied = new ArrayList<>();

    Invoice(String id, String number, Contact customer, LocalDate date, LocalDate dueDate, String referenceNumber,
            String notes, String terms, List<Line> lines, String createdTime, String stored) {
        this.id = id;
        this.number = number;
        this.customer = customer;
        this.date = date;
        this.dueDate = dueDate;
        this.referenceNumber = referenceNumber;
        this.notes = notes;
        this.terms = terms;
        this.lines = List.copyOf(lines);
        this.createdTime = createdTime;
        this.lastModifiedTime = createdTime;
        this.stored = stored;
    }

    BigDecimal subTotal() {
        return Money.round(lines.stream().map(Line::itemTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    BigDecimal taxTotal() {
        return Money.round(lines.stream().map(Line::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    BigDecimal total() {
        return subTotal().add(taxTotal());
    }

    BigDecimal paymentMade() {
        return Money.round(applied.stream().map(Applied::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    BigDecimal balance() {
        return stored.equals("void") ? Money.ZERO : total().subtract(paymentMade());
    }

    /** draft, void, paid, overdue, partially_paid, viewed or sent — in that order of precedence. */
    String status(LocalDate today) {
        if (stored.equals("void") || stored.equals("draft")) {
            return stored;
        }
        BigDecimal balance = balance();
        if (balance.signum() <= 0) {
            return "paid";
        }
        if (dueDate.isBefore(today)) {
            return "overdue";
        }
        if (balance.compareTo(total()) < 0) {
            return "partially_paid";
        }
        return stored;
    }
}
