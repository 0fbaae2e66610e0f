package com.zylker.portal.books.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The new-invoice form as typed (kept in the view state, so a refused save keeps everything): the customer,
 * the dates, the lines, and — for an invoice from a won enrolment — the CRM deal it records in
 * {@code reference_number}.
 */
public class InvoiceForm implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_LINES = 50;
    public static final int MAX_DESCRIPTION = 500;

    /** One line: description, quantity, rate. */
    public static class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String description;
        private BigDecimal quantity = BigDecimal.ONE;
        private BigDecimal rate;

        public Line() {
        }

        public Line(String description, BigDecimal quantity, BigDecimal rate) {
            this.description = description;
            this.quantity = quantity;
            this.rate = rate;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public BigDecimal getRate() {
            return rate;
        }

        public void setRate(BigDecimal rate) {
            this.rate = rate;
        }
    }

    private String customerId;
    private String customerName;
    private LocalDate date;
    private LocalDate dueDate;
    private String dealId;
    private final List<Line> lines = new ArrayList<>(List.of(new Line()));

    /** What is wrong before anything is sent; empty when the form may go to Books. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (customerId == null || !customerId.matches("[0-9]{1,40}")) {
            p.add("Choose a customer from the list (type at least 3 letters).");
        }
        if (date == null) {
            p.add("Enter the invoice date.");
        }
        if (dueDate == null) {
            p.add("Enter the due date.");
        }
        if (date != null && dueDate != null && dueDate.isBefore(date)) {
            p.add("The due date cannot be before the invoice date.");
        }
        List<Line> filled = filledLines();
        if (filled.isEmpty()) {
            p.add("Add at least one line.");
        }
        if (lines.size() > MAX_LINES) {
            p.add("At most " + MAX_LINES + " lines.");
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!filled.contains(l)) {
                continue;
            }
            String n = "Line " + (i + 1) + ": ";
            if (l.description == null || l.description.isBlank()) {
                p.add(n + "enter a description.");
            } else if (l.description.length() > MAX_DESCRIPTION) {
                p.add(n + "the description has at most " + MAX_DESCRIPTION + " characters.");
            }
            if (l.quantity == null || l.quantity.signum() <= 0) {
                p.add(n + "the quantity must be more than zero.");
            }
            if (l.rate == null || l.rate.signum() <= 0) {
                p.add(n + "the rate must be more than zero.");
            }
        }
        return p;
    }

    /** Lines with anything typed in them (an untouched empty line is ignored). */
    public List<Line> filledLines() {
        return lines.stream().filter(l -> !(blank(l.description) && l.rate == null
                && (l.quantity == null || BigDecimal.ONE.compareTo(l.quantity) == 0))).toList();
    }

    public BigDecimal lineTotal(Line l, String currency) {
        return BooksMoney.line(l.quantity, l.rate, currency);
    }

    public BigDecimal total(String currency) {
        return lines.stream().map(l -> lineTotal(l, currency)).reduce(BooksMoney.round(BigDecimal.ZERO, currency), BigDecimal::add);
    }

    public void addLine() {
        if (lines.size() < MAX_LINES) {
            lines.add(new Line());
        }
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size() && lines.size() > 1) {
            lines.remove(index);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<Line> getLines() {
        return lines;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public String getDealId() {
        return dealId;
    }

    public void setDealId(String dealId) {
        this.dealId = dealId;
    }
}
