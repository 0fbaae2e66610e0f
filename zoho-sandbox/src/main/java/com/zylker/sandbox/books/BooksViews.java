package com.zylker.sandbox.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Books' JSON shapes of invoices and contacts, list item and detail, as Zoho serialises them. */
final class BooksViews {

    private BooksViews() {
    }

    static Map<String, Object> summary(BooksOrg org, Invoice inv, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        String status = inv.status(today);
        m.put("invoice_id", inv.id);
        m.put("invoice_number", inv.number);
        m.put("customer_id", inv.customer.id);
        m.put("customer_name", inv.customer.name);
        m.put("status", status);
        m.put("date", inv.date.toString());
        m.put("due_date", inv.dueDate.toString());
        m.put("due_days", dueDays(inv, status, today));
        m.put("currency_code", org.currencyCode);
        m.put("total", inv.total());
        m.put("balance", inv.balance());
        m.put("is_emailed", inv.emailed);
        m.put("reference_number", inv.referenceNumber);
        m.put("last_payment_date", lastPaymentDate(org, inv));
        m.put("created_time", inv.createdTime);
        m.put("last_modified_time", inv.lastModifiedTime);
        return m;
    }

    /** Zoho's text, e.g. "Overdue by 12 days", "Due in 3 days", "Due Today"; empty once settled. */
    private static String dueDays(Invoice inv, String status, LocalDate today) {
        if (Set.of("paid", "void", "draft").contains(status)) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(today, inv.dueDate);
        if (days == 0) {
            return "Due Today";
        }
        return days > 0 ? "Due in " + days + (days == 1 ? " day" : " days")
                : "Overdue by " + -days + (days == -1 ? " day" : " days");
    }

    private static String lastPaymentDate(BooksOrg org, Invoice inv) {
        return inv.applied.stream().map(a -> org.payments.get(a.paymentId()).date()).max(LocalDate::compareTo)
                .map(LocalDate::toString).orElse("");
    }

    static Map<String, Object> detail(BooksOrg org, Invoice inv, LocalDate today, String base, String dcId) {
        Map<String, Object> m = summary(org, inv, today);
        List<Map<String, Object>> lines = new ArrayList<>();
        Map<String, BigDecimal> taxes = new LinkedHashMap<>();
        for (Invoice.Line l : inv.lines) {
            Map<String, Object> li = new LinkedHashMap<>();
            li.put("line_item_id", l.lineItemId());
            li.put("item_id", l.itemId() == null ? "" : l.itemId());
            li.put("name", l.name());
            li.put("description", l.description());
            li.put("rate", l.rate());
            li.put("quantity", l.quantity());
            li.put("discount", l.discount());
            li.put("tax_id", l.taxId());
            li.put("tax_name", l.taxName());
            li.put("tax_percentage", l.taxPercentage());
            li.put("item_total", l.itemTotal());
            lines.add(li);
            if (!l.taxId().isEmpty()) {
                taxes.merge(l.taxName() + " (" + l.taxPercentage().stripTrailingZeros().toPlainString() + "%)",
                        l.taxAmount(), BigDecimal::add);
            }
        }
        m.put("line_items", lines);
        m.put("sub_total", inv.subTotal());
        m.put("tax_total", inv.taxTotal());
        m.put("total", inv.total());
        List<Map<String, Object>> taxList = new ArrayList<>();
        taxes.forEach((name, amount) -> taxList.add(Map.of("tax_name", name, "tax_amount", Money.round(amount))));
        m.put("taxes", taxList);
        m.put("payment_made", inv.paymentMade());
        m.put("credits_applied", Money.ZERO);
        m.put("balance", inv.balance());
        List<Map<String, Object>> persons = new ArrayList<>();
        inv.customer.contactPersons.forEach(p -> persons.add(Map.of("contact_person_id", p.get("contact_person_id"),
                "contact_person_email", p.get("email"))));
        m.put("contact_persons_associated", persons);
        m.put("billing_address", inv.customer.billingAddress);
        m.put("notes", inv.notes);
        m.put("terms", inv.terms);
        m.put("invoice_url", base + "/books/portal/" + dcId + "/" + org.id + "/invoices/" + inv.id);
        return m;
    }

    static Map<String, Object> contactSummary(BooksOrg org, Contact c, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contact_id", c.id);
        m.put("contact_name", c.name);
        m.put("company_name", c.companyName);
        m.put("contact_type", "customer");
        m.put("customer_sub_type", c.customerSubType);
        m.put("status", "active");
        m.put("email", c.email);
        m.put("phone", c.phone);
        m.put("currency_code", org.currencyCode);
        BigDecimal outstanding = org.invoices.values().stream().filter(i -> i.customer == c)
                .filter(i -> !i.stored.equals("draft") && !i.stored.equals("void"))
                .map(Invoice::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        m.put("outstanding_receivable_amount", Money.round(outstanding));
        m.put("unused_credits_receivable_amount", Money.round(c.unusedCredit));
        m.put("created_time", c.createdTime);
        m.put("last_modified_time", c.lastModifiedTime);
        return m;
    }

    static Map<String, Object> contactDetail(BooksOrg org, Contact c, LocalDate today) {
        Map<String, Object> m = contactSummary(org, c, today);
        m.put("contact_persons", c.contactPersons);
        m.put("zcrm_contact_id", c.zcrmContactId == null ? "" : c.zcrmContactId);
        m.put("billing_address", c.billingAddress);
        return m;
    }
}
