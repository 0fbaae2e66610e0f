package com.zylker.sandbox.books;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Zoho Books v3 over the sandbox's organizations: which orgs a user belongs to and in which role, invoices
 * with derived statuses and the documented transitions, customer payments, contacts, and the limit of 100
 * requests per minute per organization. Each org is locked while it is read or changed.
 */
public final class BooksService {

    public static final int MAX_PER_PAGE = 200;
    public static final int RATE_LIMIT_PER_MINUTE = 100;
    public static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    static final Set<String> PAYMENT_MODES = Set.of("cash", "check", "creditcard", "banktransfer", "bankremittance",
            "autotransaction", "others");
    private static final Map<String, String> FILTERS = Map.of("Status.All", "all", "Status.Sent", "sent",
            "Status.Draft", "draft", "Status.OverDue", "overdue", "Status.Paid", "paid", "Status.Void", "void",
            "Status.Unpaid", "unpaid", "Status.PartiallyPaid", "partially_paid", "Status.Viewed", "viewed");
    private static final Set<String> STATUSES = Set.of("sent", "draft", "overdue", "paid", "void", "unpaid",
            "partially_paid", "viewed");
    private static final Set<String> SORT_COLUMNS = Set.of("customer_name", "invoice_number", "date", "due_date",
            "total", "balance", "created_time");

    private final Clock clock;
    private final Map<DataCenter, List<BooksOrg>> orgs = new EnumMap<>(DataCenter.class);

    public BooksService(Clock clock) {
        this.clock = clock;
        reset();
    }

    public synchronized void reset() {
        orgs.clear();
        // Only com has Books organizations; Daniel Brooks belongs to both.
        orgs.put(DataCenter.COM, BooksSeed.orgs(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
    }

    private synchronized List<BooksOrg> orgsOf(DataCenter dc) {
        return orgs.getOrDefault(dc, List.of());
    }

    public synchronized void resetRateWindows() {
        orgs.values().forEach(list -> list.forEach(o -> {
            synchronized (o) {
                o.recentRequests.clear();
            }
        }));
    }

    private LocalDate today(BooksOrg org) {
        return LocalDate.ofInstant(clock.instant(), org.zone);
    }

    private String now(BooksOrg org) {
        return BooksSeed.TIMESTAMP.format(clock.instant().atZone(org.zone));
    }

    // ---- organizations, access, limits -----------------------------------------------------------------

    public List<Map<String, Object>> organizations(DataCenter dc, DemoUser user) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BooksOrg o : orgsOf(dc)) {
            if (!o.members.containsKey(user.email())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organization_id", o.id);
            m.put("name", o.name);
            m.put("contact_name", user.displayName());
            m.put("email", user.email());
            m.put("is_default_org", user.email().equals(o.defaultFor) || o.defaultFor == null && out.isEmpty());
            m.put("plan_name", "Premium");
            m.put("is_org_active", true);
            m.put("currency_code", o.currencyCode);
            m.put("currency_symbol", o.currencySymbol);
            m.put("time_zone", o.zone.getId());
            m.put("language_code", "en");
            m.put("date_format", "yyyy-MM-dd");
            m.put("user_role", o.members.get(user.email()).name().toLowerCase(Locale.ROOT));
            out.add(m);
        }
        return out;
    }

    /**
     * The org named by {@code organization_id}, if the user belongs to it; then counts the call against the
     * org's per-minute limit (100, then 429 until the window moves on or the control API resets it).
     */
    public BooksOrg resolveOrg(DataCenter dc, DemoUser user, String organizationId) {
        if (organizationId == null || !organizationId.trim().matches("\\d{1,20}")) {
            throw BooksException.invalidOrganization();
        }
        BooksOrg org = orgsOf(dc).stream().filter(o -> o.id.equals(organizationId.trim())).findFirst()
                .filter(o -> o.members.containsKey(user.email()))
                .orElseThrow(BooksException::notAssociated);
        synchronized (org) {
            Instant now = clock.instant();
            while (!org.recentRequests.isEmpty() && !org.recentRequests.peekFirst().isAfter(now.minus(RATE_WINDOW))) {
                org.recentRequests.removeFirst();
            }
            if (org.recentRequests.size() >= RATE_LIMIT_PER_MINUTE) {
                throw BooksException.rateLimited();
            }
            org.recentRequests.addLast(now);
        }
        return org;
    }

    /** Books applies the user's own role: a view-only member is refused every write. */
    private static void requireWrite(BooksOrg org, DemoUser user) {
        if (!org.members.get(user.email()).mayWrite()) {
            throw BooksException.notAuthorized();
        }
    }

    // ---- invoices --------------------------------------------------------------------------------------

    public Map<String, Object> listInvoices(BooksOrg org, Map<String, String> q) {
        int page = BooksParams.intParam(q, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = BooksParams.intParam(q, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        String filter = q.get("filter_by");
        String status = q.get("status");
        String wanted;
        if (filter != null && !filter.isBlank()) {
            wanted = FILTERS.get(filter);
            if (wanted == null) {
                throw BooksException.invalidValue("filter_by");
            }
        } else if (status != null && !status.isBlank()) {
            wanted = status.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(wanted)) {
                throw BooksException.invalidValue("status");
            }
        } else {
            wanted = "all";
        }
        String search = q.get("search_text");
        if (search != null && search.length() > 100) {
            throw BooksException.invalidValue("search_text");
        }
        String sortColumn = q.getOrDefault("sort_column", "created_time");
        if (!SORT_COLUMNS.contains(sortColumn)) {
            throw BooksException.invalidValue("sort_column");
        }
        String sortOrder = q.getOrDefault("sort_order", "D").toUpperCase(Locale.ROOT);
        if (!sortOrder.equals("A") && !sortOrder.equals("D")) {
            throw BooksException.invalidValue("sort_order");
        }
        LocalDate dateStart = BooksParams.dateParam(q, "date_start");
        LocalDate dateEnd = BooksParams.dateParam(q, "date_end");
        LocalDate dueBefore = BooksParams.dateParam(q, "due_date_before");
        LocalDate dueAfter = BooksParams.dateParam(q, "due_date_after");
        String customerId = q.get("customer_id");
        String nameContains = BooksParams.lower(q.get("customer_name_contains"));
        String text = BooksParams.lower(search);

        synchronized (org) {
            LocalDate today = today(org);
            Predicate<Invoice> p = inv -> matchesStatus(inv.status(today), wanted);
            p = p.and(inv -> customerId == null || inv.customer.id.equals(customerId));
            p = p.and(inv -> nameContains == null || BooksParams.lower(inv.customer.name).contains(nameContains));
            p = p.and(inv -> text == null || BooksParams.lower(inv.number).contains(text) || BooksParams.lower(inv.referenceNumber).contains(text)
                    || BooksParams.lower(inv.customer.name).contains(text));
            p = p.and(inv -> dateStart == null || !inv.date.isBefore(dateStart));
            p = p.and(inv -> dateEnd == null || !inv.date.isAfter(dateEnd));
            p = p.and(inv -> dueBefore == null || inv.dueDate.isBefore(dueBefore));
            p = p.and(inv -> dueAfter == null || inv.dueDate.isAfter(dueAfter));
            Comparator<Invoice> c = comparator(sortColumn);
            if (sortOrder.equals("D")) {
                c = c.reversed();
            }
            List<Invoice> all = org.invoices.values().stream().filter(p).sorted(c).toList();
            int from = (int) Math.min((long) (page - 1) * perPage, all.size());
            int to = Math.min(from + perPage, all.size());
            List<Map<String, Object>> items = new ArrayList<>();
            all.subList(from, to).forEach(inv -> items.add(BooksViews.summary(org, inv, today)));
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("page", page);
            context.put("per_page", perPage);
            context.put("has_more_page", to < all.size());
            context.put("report_name", "Invoices");
            context.put("applied_filter", filter != null && !filter.isBlank() ? filter
                    : FILTERS.entrySet().stream().filter(e -> e.getValue().equals(wanted)).map(Map.Entry::getKey)
                    .findFirst().orElse("Status.All"));
            context.put("sort_column", sortColumn);
            context.put("sort_order", sortOrder);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", 0);
            body.put("message", "success");
            body.put("invoices", items);
            body.put("page_context", context);
            return body;
        }
    }

    private static boolean matchesStatus(String status, String wanted) {
        return switch (wanted) {
            case "all" -> true;
            case "unpaid" -> Set.of("sent", "viewed", "overdue", "partially_paid").contains(status);
            // "sent" in Zoho's filter means sent and not yet paid or overdue; viewed ones count as sent.
            case "sent" -> status.equals("sent") || status.equals("viewed");
            default -> status.equals(wanted);
        };
    }

    private static Comparator<Invoice> comparator(String column) {
        Comparator<Invoice> c = switch (column) {
            case "customer_name" -> Comparator.comparing(i -> BooksParams.lower(i.customer.name));
            case "invoice_number" -> Comparator.comparing(i -> i.number);
            case "date" -> Comparator.comparing(i -> i.date);
            case "due_date" -> Comparator.comparing(i -> i.dueDate);
            case "total" -> Comparator.comparing(Invoice::total);
            case "balance" -> Comparator.comparing(Invoice::balance);
            default -> Comparator.comparing(i -> i.createdTime);
        };
        return c.thenComparing(i -> Long.parseLong(i.id));
    }

    public Map<String, Object> getInvoice(BooksOrg org, String id, String base, String dcId) {
        synchronized (org) {
            return envelope("success", "invoice", BooksViews.detail(org, find(org, id), today(org), base, dcId));
        }
    }

    /** The invoice's number, customer and total for the PDF. */
    public InvoicePdf.Content pdfContent(BooksOrg org, String id) {
        synchronized (org) {
            Invoice inv = find(org, id);
            return new InvoicePdf.Content(org.name, inv.number, inv.customer.name, inv.date.toString(),
                    org.currencyCode + " " + inv.total().toPlainString(), org.currencyCode + " " + inv.balance().toPlainString());
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> createInvoice(BooksOrg org, DemoUser user, Map<String, Object> in, boolean send,
                                             String base, String dcId) {
        synchronized (org) {
            requireWrite(org, user);
            Object customerId = in.get("customer_id");
            if (customerId == null || customerId.toString().isBlank()) {
                throw new BooksException(400, 4, "Please select a customer.");
            }
            Contact customer = org.contacts.get(customerId.toString());
            if (customer == null) {
                throw BooksException.invalidValue("customer_id");
            }
            if (!(in.get("line_items") instanceof List<?> items) || items.isEmpty()) {
                throw new BooksException(400, 4, "Please add at least one line item.");
            }
            List<Invoice.Line> lines = new ArrayList<>();
            for (Object o : items) {
                if (!(o instanceof Map<?, ?> li)) {
                    throw BooksException.invalidValue("line_items");
                }
                Map<String, Object> item = (Map<String, Object>) li;
                BigDecimal rate = Money.of(item.get("rate"));
                BigDecimal quantity = item.get("quantity") == null ? BigDecimal.ONE : BooksParams.decimal(item.get("quantity"), "quantity");
                BigDecimal discount = item.get("discount") == null ? BigDecimal.ZERO : BooksParams.decimal(item.get("discount"), "discount");
                if (rate == null || rate.signum() < 0) {
                    throw BooksException.invalidValue("rate");
                }
                if (quantity.signum() <= 0) {
                    throw BooksException.invalidValue("quantity");
                }
                if (discount.signum() < 0 || discount.compareTo(new BigDecimal(100)) > 0) {
                    throw BooksException.invalidValue("discount");
                }
                Object taxId = item.get("tax_id");
                boolean taxed = taxId != null && !taxId.toString().isBlank();
                if (taxed && !org.tax.get("tax_id").equals(taxId.toString())) {
                    throw BooksException.invalidValue("tax_id");
                }
                String name = item.get("name") == null ? "" : item.get("name").toString();
                String description = item.get("description") == null ? "" : item.get("description").toString();
                if (name.isBlank() && description.isBlank()) {
                    throw new BooksException(400, 4, "Please enter the item name or description.");
                }
                lines.add(BooksSeed.line(org, name, description, rate, quantity, discount, taxed));
            }
            LocalDate date = in.get("date") == null ? today(org) : BooksParams.parseDate(in.get("date").toString(), "date");
            LocalDate due;
            if (in.get("due_date") != null) {
                due = BooksParams.parseDate(in.get("due_date").toString(), "due_date");
            } else if (in.get("payment_terms") != null) {
                due = date.plusDays(BooksParams.decimal(in.get("payment_terms"), "payment_terms").longValue());
            } else {
                due = date.plusDays(15);
            }
            if (due.isBefore(date)) {
                throw new BooksException(400, 4, "Due date cannot be earlier than the invoice date.");
            }
            String reference = in.get("reference_number") == null ? "" : in.get("reference_number").toString();
            if (reference.length() > 100) {
                throw BooksException.invalidValue("reference_number");
            }
            Invoice inv = new Invoice(org.nextId(), org.nextInvoiceNumber(), customer, date, due, reference,
                    BooksParams.string(in.get("notes")), BooksParams.string(in.get("terms")), lines, now(org), send ? "sent" : "draft");
            inv.emailed = send;
            org.invoices.put(inv.id, inv);
            return envelope("The invoice has been created.", "invoice", BooksViews.detail(org, inv, today(org), base, dcId));
        }
    }

    /** {@code status/sent} (draft only), {@code status/void} (not void), {@code status/draft} (void only). */
    public Map<String, Object> changeStatus(BooksOrg org, DemoUser user, String id, String target) {
        synchronized (org) {
            requireWrite(org, user);
            Invoice inv = find(org, id);
            String current = inv.status(today(org));
            switch (target) {
                case "sent" -> {
                    if (!inv.stored.equals("draft")) {
                        throw transition(current, target);
                    }
                    inv.stored = "sent";
                }
                case "void" -> {
                    if (inv.stored.equals("void")) {
                        throw transition(current, target);
                    }
                    // Payments on a voided invoice become the customer's unused credit.
                    inv.customer.unusedCredit = inv.customer.unusedCredit.add(inv.paymentMade());
                    inv.applied.clear();
                    inv.stored = "void";
                }
                case "draft" -> {
                    if (!inv.stored.equals("void")) {
                        throw transition(current, target);
                    }
                    inv.stored = "draft";
                }
                default -> throw new BooksException(404, 5, "Invalid URL Passed");
            }
            inv.lastModifiedTime = now(org);
            String label = switch (target) {
                case "sent" -> "Sent";
                case "void" -> "Void";
                default -> "Draft";
            };
            return envelope("Invoice status has been changed to " + label + ".", null, null);
        }
    }

    private static BooksException transition(String from, String to) {
        // Zoho documents no code for a refused transition; 1025 is the sandbox's (README), HTTP 400 as Zoho.
        return new BooksException(400, 1025, "An invoice that is " + from.replace('_', ' ')
                + " cannot be marked as " + to + ".");
    }

    public Map<String, Object> emailContent(BooksOrg org, String id) {
        synchronized (org) {
            Invoice inv = find(org, id);
            List<Map<String, Object>> to = new ArrayList<>();
            for (Map<String, Object> p : inv.customer.contactPersons) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("first_name", p.get("first_name"));
                m.put("last_name", p.get("last_name"));
                m.put("email", p.get("email"));
                m.put("contact_person_id", p.get("contact_person_id"));
                m.put("selected", Boolean.TRUE.equals(p.get("is_primary_contact")));
                to.add(m);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("to_contacts", to);
            data.put("subject", "Invoice - " + inv.number + " from " + org.name);
            data.put("body", "Dear " + inv.customer.name + ",<br><br>Please find attached invoice " + inv.number
                    + " for " + org.currencyCode + " " + inv.total().toPlainString() + ".<br><br>Regards,<br>" + org.name);
            data.put("from_emails", List.of(Map.of("user_name", org.name, "email", "accounts@zylkeracademy.com",
                    "selected", true)));
            return envelope("success", "data", data);
        }
    }

    /** Emailing a draft makes it sent; a void invoice cannot be emailed. */
    public Map<String, Object> email(BooksOrg org, DemoUser user, String id, Map<String, Object> in) {
        synchronized (org) {
            requireWrite(org, user);
            Invoice inv = find(org, id);
            if (inv.stored.equals("void")) {
                throw transition("void", "sent");
            }
            if (in.get("to_mail_ids") instanceof List<?> to && to.isEmpty()) {
                throw BooksException.invalidValue("to_mail_ids");
            }
            if (inv.stored.equals("draft")) {
                inv.stored = "sent";
            }
            inv.emailed = true;
            inv.lastModifiedTime = now(org);
            return envelope("Your invoice has been sent.", null, null);
        }
    }

    public Map<String, Object> invoicePayments(BooksOrg org, String id) {
        synchronized (org) {
            Invoice inv = find(org, id);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Invoice.Applied a : inv.applied) {
                BooksOrg.Payment p = org.payments.get(a.paymentId());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("payment_id", p.id());
                m.put("payment_number", p.number());
                m.put("invoice_id", inv.id);
                m.put("payment_mode", p.mode());
                m.put("description", p.description());
                m.put("date", p.date().toString());
                m.put("reference_number", p.referenceNumber());
                m.put("exchange_rate", 1.0);
                m.put("amount", a.amount());
                out.add(m);
            }
            return envelope("success", "payments", out);
        }
    }

    // ---- payments --------------------------------------------------------------------------------------

    /**
     * {@code POST /customerpayments}: each {@code amount_applied} must fit the invoice's balance (the sandbox
     * refuses rather than turning the excess into credit, so a portal bug shows); the unapplied rest of
     * {@code amount} becomes the customer's unused credit.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> createPayment(BooksOrg org, DemoUser user, Map<String, Object> in) {
        synchronized (org) {
            requireWrite(org, user);
            Contact customer = in.get("customer_id") == null ? null : org.contacts.get(in.get("customer_id").toString());
            if (customer == null) {
                throw BooksException.invalidValue("customer_id");
            }
            String mode = in.get("payment_mode") == null ? "cash" : in.get("payment_mode").toString().toLowerCase(Locale.ROOT);
            if (!PAYMENT_MODES.contains(mode)) {
                throw BooksException.invalidValue("payment_mode");
            }
            BigDecimal amount = Money.of(in.get("amount"));
            if (amount == null || amount.signum() <= 0) {
                throw BooksException.invalidValue("amount");
            }
            LocalDate date = in.get("date") == null ? today(org) : BooksParams.parseDate(in.get("date").toString(), "date");
            List<Object> requested = in.get("invoices") instanceof List<?> l ? (List<Object>) l : List.of();
            List<Invoice> invoices = new ArrayList<>();
            List<BigDecimal> amounts = new ArrayList<>();
            BigDecimal appliedSum = BigDecimal.ZERO;
            for (Object o : requested) {
                if (!(o instanceof Map<?, ?> m) || m.get("invoice_id") == null) {
                    throw BooksException.invalidValue("invoices");
                }
                Invoice inv = org.invoices.get(m.get("invoice_id").toString());
                if (inv == null) {
                    throw BooksException.invoiceNotFound();
                }
                if (!inv.customer.id.equals(customer.id)) {
                    throw new BooksException(400, 4, "Invoice " + inv.number + " does not belong to this customer.");
                }
                if (inv.stored.equals("draft") || inv.stored.equals("void")) {
                    throw new BooksException(400, 1025, "Payments cannot be recorded for a " + inv.stored + " invoice.");
                }
                BigDecimal applied = Money.of(m.get("amount_applied"));
                if (applied == null || applied.signum() <= 0) {
                    throw BooksException.invalidValue("amount_applied");
                }
                if (applied.compareTo(inv.balance()) > 0) {
                    // Undocumented code: the sandbox's choice (README).
                    throw new BooksException(400, 1053, "The amount applied to invoice " + inv.number
                            + " exceeds its balance due of " + inv.balance().toPlainString() + ".");
                }
                invoices.add(inv);
                amounts.add(applied);
                appliedSum = appliedSum.add(applied);
            }
            if (appliedSum.compareTo(amount) > 0) {
                throw new BooksException(400, 1053, "The amounts applied exceed the payment amount.");
            }
            String paymentId = org.nextId();
            List<String> ids = new ArrayList<>();
            List<Map<String, Object>> invoiceViews = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                Invoice inv = invoices.get(i);
                inv.applied.add(new Invoice.Applied(paymentId, amounts.get(i)));
                inv.lastModifiedTime = now(org);
                ids.add(inv.id);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("invoice_id", inv.id);
                v.put("invoice_number", inv.number);
                v.put("amount_applied", amounts.get(i));
                v.put("balance_amount", inv.balance());
                invoiceViews.add(v);
            }
            BigDecimal unused = Money.round(amount.subtract(appliedSum));
            customer.unusedCredit = customer.unusedCredit.add(unused);
            BooksOrg.Payment p = new BooksOrg.Payment(paymentId, org.nextPaymentNumber(), customer, mode, amount, date,
                    BooksParams.string(in.get("reference_number")), BooksParams.string(in.get("description")), ids, now(org));
            org.payments.put(p.id(), p);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("payment_id", p.id());
            view.put("payment_number", p.number());
            view.put("customer_id", customer.id);
            view.put("customer_name", customer.name);
            view.put("payment_mode", mode);
            view.put("date", date.toString());
            view.put("reference_number", p.referenceNumber());
            view.put("amount", amount);
            view.put("unused_amount", unused);
            view.put("currency_code", org.currencyCode);
            view.put("invoices", invoiceViews);
            view.put("created_time", p.createdTime());
            return envelope("The payment has been created.", "payment", view);
        }
    }

    // ---- contacts --------------------------------------------------------------------------------------

    public Map<String, Object> listContacts(BooksOrg org, Map<String, String> q) {
        int page = BooksParams.intParam(q, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = BooksParams.intParam(q, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        String type = q.get("contact_type");
        if (type != null && !type.equals("customer") && !type.equals("vendor")) {
            throw BooksException.invalidValue("contact_type");
        }
        String text = BooksParams.lower(q.get("search_text"));
        String nameContains = BooksParams.lower(q.get("contact_name_contains"));
        synchronized (org) {
            LocalDate today = today(org);
            List<Contact> all = org.contacts.values().stream()
                    .filter(c -> !"vendor".equals(type))
                    .filter(c -> text == null || BooksParams.lower(c.name).contains(text) || BooksParams.lower(c.companyName).contains(text)
                            || BooksParams.lower(c.email).contains(text))
                    .filter(c -> nameContains == null || BooksParams.lower(c.name).contains(nameContains))
                    .sorted(Comparator.comparing((Contact c) -> BooksParams.lower(c.name)).thenComparing(c -> c.id)).toList();
            int from = (int) Math.min((long) (page - 1) * perPage, all.size());
            int to = Math.min(from + perPage, all.size());
            List<Map<String, Object>> items = new ArrayList<>();
            all.subList(from, to).forEach(c -> items.add(BooksViews.contactSummary(org, c, today)));
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("page", page);
            context.put("per_page", perPage);
            context.put("has_more_page", to < all.size());
            context.put("report_name", "Contacts");
            context.put("applied_filter", "Status.All");
            context.put("sort_column", "contact_name");
            context.put("sort_order", "A");
            Map<String, Object> body = envelope("success", "contacts", items);
            body.put("page_context", context);
            return body;
        }
    }

    public Map<String, Object> getContact(BooksOrg org, String id) {
        synchronized (org) {
            Contact c = org.contacts.get(id);
            if (c == null) {
                throw BooksException.contactNotFound();
            }
            return envelope("success", "contact", BooksViews.contactDetail(org, c, today(org)));
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> createContact(BooksOrg org, DemoUser user, Map<String, Object> in) {
        synchronized (org) {
            requireWrite(org, user);
            String name = in.get("contact_name") == null ? "" : in.get("contact_name").toString().trim();
            if (name.isEmpty()) {
                throw new BooksException(400, 4, "Please enter the contact name.");
            }
            if (name.length() > 200) {
                throw BooksException.invalidValue("contact_name");
            }
            if (org.contacts.values().stream().anyMatch(c -> c.name.equalsIgnoreCase(name))) {
                throw new BooksException(400, 3062, "The contact \"" + name + "\" already exists.");
            }
            String type = in.get("contact_type") == null ? "customer" : in.get("contact_type").toString();
            if (!type.equals("customer")) {
                throw BooksException.invalidValue("contact_type");
            }
            String email = BooksParams.string(in.get("email"));
            List<Object> persons = in.get("contact_persons") instanceof List<?> l ? (List<Object>) l : List.of();
            if (email.isEmpty() && !persons.isEmpty() && persons.get(0) instanceof Map<?, ?> first) {
                email = BooksParams.string(first.get("email"));
            }
            Contact c = new Contact(org.nextId(), name, BooksParams.string(in.get("company_name")), email, BooksParams.string(in.get("phone")),
                    BooksParams.string(in.get("customer_sub_type")).isEmpty() ? "business" : BooksParams.string(in.get("customer_sub_type")),
                    in.get("zcrm_contact_id") == null ? null : in.get("zcrm_contact_id").toString(), now(org),
                    new LinkedHashMap<>());
            boolean primary = true;
            for (Object o : persons) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> person = new LinkedHashMap<>();
                    person.put("contact_person_id", org.nextId());
                    person.put("first_name", BooksParams.string(m.get("first_name")));
                    person.put("last_name", BooksParams.string(m.get("last_name")));
                    person.put("email", BooksParams.string(m.get("email")));
                    person.put("phone", BooksParams.string(m.get("phone")));
                    person.put("is_primary_contact", primary);
                    primary = false;
                    c.contactPersons.add(person);
                }
            }
            if (c.contactPersons.isEmpty() && !email.isEmpty()) {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("contact_person_id", org.nextId());
                person.put("first_name", "");
                person.put("last_name", name);
                person.put("email", email);
                person.put("phone", c.phone);
                person.put("is_primary_contact", true);
                c.contactPersons.add(person);
            }
            org.contacts.put(c.id, c);
            return envelope("The contact has been added.", "contact", BooksViews.contactDetail(org, c, today(org)));
        }
    }

    public Map<String, Object> stateSummary() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (BooksOrg o : orgsOf(DataCenter.COM)) {
            synchronized (o) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", o.name);
                m.put("currency_code", o.currencyCode);
                m.put("invoices", o.invoices.size());
                m.put("contacts", o.contacts.size());
                m.put("requests_in_window", o.recentRequests.size());
                Map<String, Object> members = new LinkedHashMap<>();
                o.members.forEach((k, v) -> members.put(k, v.name().toLowerCase(Locale.ROOT)));
                m.put("members", members);
                out.put(o.id, m);
            }
        }
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static Invoice find(BooksOrg org, String id) {
        Invoice inv = org.invoices.get(id);
        if (inv == null) {
            throw BooksException.invoiceNotFound();
        }
        return inv;
    }

    private static Map<String, Object> envelope(String message, String key, Object entity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", message);
        if (key != null) {
            body.put(key, entity);
        }
        return body;
    }

}
