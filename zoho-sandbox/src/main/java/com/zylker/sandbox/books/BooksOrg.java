package com.zylker.sandbox.books;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Books organization: its members and their roles, customers, invoices and payments, id sequences and
 * its per-minute request window. Not thread-safe by itself: {@link BooksService} locks on it.
 */
public final class BooksOrg {

    /** What a member may do with invoices and payments; Books applies each user's own role. */
    enum Role {
        ADMIN, STAFF, VIEW_ONLY;

        boolean mayWrite() {
            return this != VIEW_ONLY;
        }
    }

    /** A customer payment; {@code invoiceIds} are the invoices it was applied to. */
    record Payment(String id, String number, Contact customer, String mode, java.math.BigDecimal amount,
                   java.time.LocalDate date, String referenceNumber, String description, List<String> invoiceIds,
                   String createdTime) {
    }

    final String id;
    final String name;
    final String currencyCode;
    final String currencySymbol;
    final ZoneId zone;
    final String invoicePrefix;
    final Map<String, Role> members;
    final String defaultFor;
    final Map<String, Contact> contacts = new LinkedHashMap<>();
    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    final Map<String, Payment> payments = new LinkedHashMap<>();
    final Map<String, Object> tax;
    private final long idBase;
    private long seq;
    int invoiceSeq;
    int paymentSeq;
    final Deque<Instant> recentRequests = new ArrayDeque<>();

    BooksOrg(String id, String name, String currencyCode, String currencySymbol, ZoneId zone, String invoicePrefix,
             Map<String, Role> members, String defaultFor, Map<String, Object> tax) {
        this.id = id;
        this.name = name;
        this.currencyCode = currencyCode;
        this.currencySymbol = currencySymbol;
        this.zone = zone;
        this.invoicePrefix = invoicePrefix;
        this.members = members;
        this.defaultFor = defaultFor;
        this.tax = tax;
        this.idBase = Long.parseLong(id) * 1_000_000L;
    }

    /** Digit-string ids, unique inside the org whatever the kind. */
    String nextId() {
        return Long.toString(idBase + 100_000L + 7 * ++seq);
    }

    String nextInvoiceNumber() {
        return invoicePrefix + String.format("%06d", ++invoiceSeq);
    }

    String nextPaymentNumber() {
        return Integer.toString(++paymentSeq);
    }
}
