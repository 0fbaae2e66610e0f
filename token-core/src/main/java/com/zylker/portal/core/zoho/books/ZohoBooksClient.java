package com.zylker.portal.core.zoho.books;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoJson;
import com.zylker.portal.core.zoho.http.ZohoProduct;
import com.zylker.portal.core.zoho.http.ZohoRequest;
import com.zylker.portal.core.zoho.http.ZohoResponse;
import com.zylker.portal.core.zoho.http.ZohoTransport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoho Books v3 for the portal, on {@link ZohoApiCalls}: the organizations a user belongs to, and the calls
 * that need one, each carrying {@code organization_id} — invoices (list, detail, PDF, create, sent / void,
 * email content and email), an invoice's payments, customer payments, contacts (list, read, create). What is Books' own stays here: the envelope
 * ({@code {"code": 0, "message": "success", <entity>: …}} — any other code is a refusal in Books' words,
 * whatever the HTTP status), {@code page_context} paging, and ids that must be digits before they reach a
 * URL. A refusal for a missing or foreign organization is {@link Kind#INVALID_REQUEST} with Books' message.
 *
 * <pre>{@code
 * BooksOrganization org = books.organizations(user).get(0);
 * BooksPage<BooksInvoice> overdue = books.invoices(user, org.id(), Map.of("filter_by", "Status.OverDue"), 1, 50);
 * }</pre>
 */
public final class ZohoBooksClient {

    private static final String BASE = "/books/v3/";
    private static final String REFUSED = "Zoho Books refused ";
    private static final Pattern ID = Pattern.compile("[0-9]{1,40}");
    public static final int MAX_PER_PAGE = 200;
    /** The invoice list's filters Books documents; anything else is not sent. */
    private static final Set<String> INVOICE_FILTERS = Set.of("status", "filter_by", "search_text", "customer_id",
            "customer_name_contains", "date_start", "date_end", "due_date_before", "due_date_after", "sort_column",
            "sort_order", "reference_number");

    private final ZohoApiCalls calls;

    public ZohoBooksClient(ZohoApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    public List<BooksOrganization> organizations(String user) {
        String op = "list organizations";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op, BASE + "organizations", null)), op);
        List<BooksOrganization> out = new ArrayList<>();
        for (JsonObject o : objects(body.get("organizations"), op)) {
            String id = ZohoJson.text(o.get("organization_id"));
            if (id == null || !ID.matcher(id).matches()) {
                throw protocol(op + ": an organization has no valid id");
            }
            out.add(new BooksOrganization(id, ZohoJson.text(o.get("name")), o.get("is_default_org") == JsonValue.TRUE,
                    ZohoJson.text(o.get("currency_code")), ZohoJson.text(o.get("currency_symbol")),
                    ZohoJson.text(o.get("time_zone"))));
        }
        return out;
    }

    /** One page of invoices; {@code filters} are Books' own parameter names ({@code filter_by}, {@code search_text} …). */
    public BooksPage<BooksInvoice> invoices(String user, String organizationId, Map<String, String> filters,
                                            int page, int perPage) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page ≥ 1 and 1 ≤ perPage ≤ " + MAX_PER_PAGE + " are required");
        }
        Map<String, String> q = orgQuery(organizationId);
        (filters == null ? Map.<String, String>of() : filters).forEach((k, v) -> {
            if (!INVOICE_FILTERS.contains(k)) {
                throw new IllegalArgumentException("not an invoice list filter: " + k);
            }
            q.put(k, v);
        });
        q.put("page", Integer.toString(page));
        q.put("per_page", Integer.toString(perPage));
        String op = "list invoices";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op, BASE + "invoices", q)), op);
        List<BooksInvoice> items = new ArrayList<>();
        for (JsonObject i : objects(body.get("invoices"), op)) {
            items.add(invoice(i, op));
        }
        JsonValue ctx = body.get("page_context");
        if (ctx instanceof JsonObject c) {
            return new BooksPage<>(items, intOr(c.get("page"), page), intOr(c.get("per_page"), perPage),
                    c.get("has_more_page") == JsonValue.TRUE);
        }
        return new BooksPage<>(items, page, perPage, false);
    }

    /** One invoice with its lines and totals. */
    public BooksInvoiceDetail invoice(String user, String organizationId, String invoiceId) {
        String op = "read invoice";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op,
                BASE + "invoices/" + id(invoiceId), orgQuery(organizationId))), op);
        if (!(body.get("invoice") instanceof JsonObject i)) {
            throw protocol(op + ": no invoice in the answer");
        }
        return detail(i, op);
    }

    /** The invoice as Books renders it for print ({@code ?accept=pdf}): the PDF's bytes. */
    public byte[] invoicePdf(String user, String organizationId, String invoiceId) {
        String op = "download invoice PDF";
        Map<String, String> q = orgQuery(organizationId);
        q.put("accept", "pdf");
        ZohoResponse r = calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op, BASE + "invoices/" + id(invoiceId), q)
                .accepting("application/pdf, application/json;q=0.5")); // an error comes as Books' JSON envelope
        byte[] bytes = r.bytes();
        if (r.status() == 200 && bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return bytes;
        }
        envelope(r, op); // a refusal in Books' envelope
        throw protocol(op + ": the answer is not a PDF");
    }

    /** The payments applied to an invoice, as Books lists them. */
    public List<BooksPayment> invoicePayments(String user, String organizationId, String invoiceId) {
        String op = "list invoice payments";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op,
                BASE + "invoices/" + id(invoiceId) + "/payments", orgQuery(organizationId))), op);
        List<BooksPayment> out = new ArrayList<>();
        for (JsonObject p : objects(body.get("payments"), op)) {
            out.add(new BooksPayment(ZohoJson.text(p.get("payment_id")), ZohoJson.text(p.get("payment_number")),
                    ZohoJson.text(p.get("payment_mode")), date(p.get("date"), op), ZohoJson.text(p.get("reference_number")),
                    money(p.get("amount"), op), ZohoJson.text(p.get("description"))));
        }
        return out;
    }

    /** Creates a draft invoice; answers it as Books stored it (number, totals). */
    public BooksInvoiceDetail createInvoice(String user, String organizationId, NewBooksInvoice invoice) {
        String op = "create invoice";
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (NewBooksInvoice.Line l : invoice.lines()) {
            lines.add(Json.createObjectBuilder().add("description", l.description() == null ? "" : l.description())
                    .add("quantity", l.quantity()).add("rate", l.rate()));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("customer_id", id(invoice.customerId())).add("line_items", lines);
        if (invoice.date() != null) {
            b.add("date", invoice.date().toString());
        }
        if (invoice.dueDate() != null) {
            b.add("due_date", invoice.dueDate().toString());
        }
        if (invoice.referenceNumber() != null && !invoice.referenceNumber().isBlank()) {
            b.add("reference_number", invoice.referenceNumber());
        }
        JsonObject body = envelope(calls.send(user, ZohoRequest.write(ZohoProduct.BOOKS, op, "POST", BASE + "invoices",
                orgQuery(organizationId), b.build().toString())), op);
        if (!(body.get("invoice") instanceof JsonObject i)) {
            throw protocol(op + ": no invoice in the answer");
        }
        return detail(i, op);
    }

    /** Draft → sent. */
    public void markSent(String user, String organizationId, String invoiceId) {
        status(user, organizationId, invoiceId, "sent", "mark invoice as sent");
    }

    /** Any status but void → void (its payments become the customer's credit). */
    public void markVoid(String user, String organizationId, String invoiceId) {
        status(user, organizationId, invoiceId, "void", "void invoice");
    }

    private void status(String user, String organizationId, String invoiceId, String target, String op) {
        envelope(calls.send(user, ZohoRequest.write(ZohoProduct.BOOKS, op, "POST",
                BASE + "invoices/" + id(invoiceId) + "/status/" + target, orgQuery(organizationId), null)), op);
    }

    /** The email Books would send for the invoice (recipients, subject, body). */
    public BooksEmailContent emailContent(String user, String organizationId, String invoiceId) {
        String op = "read invoice email";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op,
                BASE + "invoices/" + id(invoiceId) + "/email", orgQuery(organizationId))), op);
        if (!(body.get("data") instanceof JsonObject d)) {
            throw protocol(op + ": no data in the answer");
        }
        List<BooksEmailContent.Recipient> to = new ArrayList<>();
        for (JsonObject c : objects(d.get("to_contacts"), op)) {
            String first = ZohoJson.text(c.get("first_name"));
            String last = ZohoJson.text(c.get("last_name"));
            String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
            to.add(new BooksEmailContent.Recipient(ZohoJson.text(c.get("email")), name, c.get("selected") == JsonValue.TRUE));
        }
        return new BooksEmailContent(to, ZohoJson.text(d.get("subject")), ZohoJson.text(d.get("body")));
    }

    /** Emails the invoice (a draft becomes sent). */
    public void email(String user, String organizationId, String invoiceId, List<String> to, String subject, String body) {
        String op = "email invoice";
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        to.forEach(recipients::add);
        String json = Json.createObjectBuilder().add("to_mail_ids", recipients)
                .add("subject", subject == null ? "" : subject).add("body", body == null ? "" : body).build().toString();
        envelope(calls.send(user, ZohoRequest.write(ZohoProduct.BOOKS, op, "POST",
                BASE + "invoices/" + id(invoiceId) + "/email", orgQuery(organizationId), json)), op);
    }

    /** Records a payment applied in full to one invoice; answers the payment's id. */
    public String recordPayment(String user, String organizationId, NewBooksPayment payment) {
        String op = "record payment";
        JsonObjectBuilder b = Json.createObjectBuilder().add("customer_id", id(payment.customerId()))
                .add("payment_mode", payment.mode()).add("amount", payment.amount())
                .add("date", payment.date().toString())
                .add("invoices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("invoice_id", id(payment.invoiceId())).add("amount_applied", payment.amount())));
        if (payment.referenceNumber() != null && !payment.referenceNumber().isBlank()) {
            b.add("reference_number", payment.referenceNumber());
        }
        if (payment.description() != null && !payment.description().isBlank()) {
            b.add("description", payment.description());
        }
        JsonObject body = envelope(calls.send(user, ZohoRequest.write(ZohoProduct.BOOKS, op, "POST",
                BASE + "customerpayments", orgQuery(organizationId), b.build().toString())), op);
        if (!(body.get("payment") instanceof JsonObject p)) {
            throw protocol(op + ": no payment in the answer");
        }
        return ZohoJson.text(p.get("payment_id"));
    }

    /** One page of customers whose name, company or email contains {@code searchText} (all when blank). */
    public BooksPage<BooksContact> contacts(String user, String organizationId, String searchText, int page, int perPage) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page ≥ 1 and 1 ≤ perPage ≤ " + MAX_PER_PAGE + " are required");
        }
        Map<String, String> q = orgQuery(organizationId);
        q.put("contact_type", "customer");
        if (searchText != null && !searchText.isBlank()) {
            q.put("search_text", searchText.strip().length() > 100 ? searchText.strip().substring(0, 100) : searchText.strip());
        }
        q.put("page", Integer.toString(page));
        q.put("per_page", Integer.toString(perPage));
        String op = "list contacts";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op, BASE + "contacts", q)), op);
        List<BooksContact> items = new ArrayList<>();
        for (JsonObject c : objects(body.get("contacts"), op)) {
            items.add(contact(c, op));
        }
        if (body.get("page_context") instanceof JsonObject c) {
            return new BooksPage<>(items, intOr(c.get("page"), page), intOr(c.get("per_page"), perPage),
                    c.get("has_more_page") == JsonValue.TRUE);
        }
        return new BooksPage<>(items, page, perPage, false);
    }

    /** One customer. */
    public BooksContact contact(String user, String organizationId, String contactId) {
        String op = "read contact";
        JsonObject body = envelope(calls.send(user, ZohoRequest.get(ZohoProduct.BOOKS, op, BASE + "contacts/" + id(contactId),
                orgQuery(organizationId))), op);
        if (!(body.get("contact") instanceof JsonObject c)) {
            throw protocol(op + ": no contact in the answer");
        }
        return contact(c, op);
    }

    /** Creates a customer with one primary contact person. */
    public BooksContact createContact(String user, String organizationId, NewBooksContact contact) {
        String op = "create contact";
        JsonObjectBuilder b = Json.createObjectBuilder().add("contact_name", contact.name()).add("contact_type", "customer");
        if (contact.companyName() != null && !contact.companyName().isBlank()) {
            b.add("company_name", contact.companyName());
        }
        if (contact.zcrmContactId() != null && ID.matcher(contact.zcrmContactId()).matches()) {
            b.add("zcrm_contact_id", contact.zcrmContactId());
        }
        if (contact.email() != null && !contact.email().isBlank()) {
            b.add("email", contact.email());
            b.add("contact_persons", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("first_name", contact.firstName() == null ? "" : contact.firstName())
                    .add("last_name", contact.lastName() == null ? contact.name() : contact.lastName())
                    .add("email", contact.email()).add("is_primary_contact", true)));
        }
        JsonObject body = envelope(calls.send(user, ZohoRequest.write(ZohoProduct.BOOKS, op, "POST", BASE + "contacts",
                orgQuery(organizationId), b.build().toString())), op);
        if (!(body.get("contact") instanceof JsonObject c)) {
            throw protocol(op + ": no contact in the answer");
        }
        return contact(c, op);
    }

    /**
     * Books' own words in a refusal this client raised ("The amount applied … exceeds its balance due"), for a
     * screen that shows them (escaped); empty for other failures.
     */
    public static Optional<String> booksMessage(ZohoApiException e) {
        String m = e.getMessage();
        if (m == null || !m.startsWith(REFUSED)) {
            return Optional.empty();
        }
        int colon = m.indexOf(": ");
        int code = m.lastIndexOf(" (code ");
        return colon < 0 || code <= colon ? Optional.empty() : Optional.of(m.substring(colon + 2, code));
    }

    private static BooksContact contact(JsonObject c, String op) {
        String id = ZohoJson.text(c.get("contact_id"));
        if (id == null || !ID.matcher(id).matches()) {
            throw protocol(op + ": a contact has no valid id");
        }
        String email = ZohoJson.text(c.get("email"));
        if ((email == null || email.isBlank()) && c.get("contact_persons") instanceof JsonArray persons) {
            for (JsonValue p : persons) {
                if (p instanceof JsonObject person && (email == null || email.isBlank()
                        || person.get("is_primary_contact") == JsonValue.TRUE)) {
                    email = ZohoJson.text(person.get("email"));
                }
            }
        }
        String crm = ZohoJson.text(c.get("zcrm_contact_id"));
        return new BooksContact(id, ZohoJson.text(c.get("contact_name")), ZohoJson.text(c.get("company_name")),
                email, crm == null || crm.isBlank() ? null : crm);
    }

    private static BooksInvoiceDetail detail(JsonObject i, String op) {
        List<BooksLineItem> lines = new ArrayList<>();
        for (JsonObject l : objects(i.get("line_items"), op)) {
            lines.add(new BooksLineItem(ZohoJson.text(l.get("name")), ZohoJson.text(l.get("description")),
                    money(l.get("rate"), op), money(l.get("quantity"), op), money(l.get("discount"), op),
                    ZohoJson.text(l.get("tax_name")), money(l.get("tax_percentage"), op), money(l.get("item_total"), op)));
        }
        List<BooksTax> taxes = new ArrayList<>();
        for (JsonObject t : objects(i.get("taxes"), op)) {
            taxes.add(new BooksTax(ZohoJson.text(t.get("tax_name")), money(t.get("tax_amount"), op)));
        }
        return new BooksInvoiceDetail(invoice(i, op), lines, money(i.get("sub_total"), op), money(i.get("tax_total"), op),
                taxes, money(i.get("payment_made"), op), money(i.get("credits_applied"), op),
                ZohoJson.text(i.get("notes")), ZohoJson.text(i.get("terms")), ZohoJson.text(i.get("invoice_url")),
                i.get("is_emailed") == JsonValue.TRUE);
    }

    private static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Books id");
        }
        return id;
    }

    private static Map<String, String> orgQuery(String organizationId) {
        if (organizationId == null || !ID.matcher(organizationId).matches()) {
            throw new IllegalArgumentException("not a Books organization id");
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("organization_id", organizationId);
        return q;
    }

    /** The body of a Books answer whose {@code code} is 0; otherwise Books' refusal as an exception. */
    private static JsonObject envelope(ZohoResponse r, String op) {
        JsonObject body;
        try {
            body = ZohoJson.object(r.body());
        } catch (ZohoJson.UnreadableException e) {
            throw protocol(op + ": unreadable answer (HTTP " + r.status() + ")");
        }
        String code = ZohoJson.text(body.get("code"));
        if ("0".equals(code) && r.status() >= 200 && r.status() <= 299) {
            return body;
        }
        String message = ZohoTransport.safeText(ZohoJson.text(body.get("message")));
        String said = REFUSED + op + (message == null || message.isEmpty() ? "" : ": " + message)
                + " (code " + code + ", HTTP " + r.status() + ")";
        if (code == null) {
            throw new ZohoApiException(Kind.PROTOCOL, null, "Zoho Books " + op + ": no code in the answer (HTTP "
                    + r.status() + ")", null, r.status(), null);
        }
        Kind kind = r.status() == 403 ? Kind.FORBIDDEN : r.status() == 404 ? Kind.NOT_FOUND : Kind.INVALID_REQUEST;
        throw new ZohoApiException(kind, code, said, null, r.status(), null);
    }

    private static List<JsonObject> objects(JsonValue v, String op) {
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw protocol(op + ": the list is not a list");
        }
        List<JsonObject> out = new ArrayList<>(a.size());
        for (JsonValue e : a) {
            if (!(e instanceof JsonObject o)) {
                throw protocol(op + ": an item is not an object");
            }
            out.add(o);
        }
        return out;
    }

    private static BooksInvoice invoice(JsonObject i, String op) {
        String id = ZohoJson.text(i.get("invoice_id"));
        if (id == null || !ID.matcher(id).matches()) {
            throw protocol(op + ": an invoice has no valid id");
        }
        return new BooksInvoice(id, ZohoJson.text(i.get("invoice_number")), ZohoJson.text(i.get("customer_id")),
                ZohoJson.text(i.get("customer_name")), ZohoJson.text(i.get("status")), date(i.get("date"), op),
                date(i.get("due_date"), op), ZohoJson.text(i.get("currency_code")), money(i.get("total"), op),
                money(i.get("balance"), op), ZohoJson.text(i.get("reference_number")));
    }

    private static BigDecimal money(JsonValue v, String op) {
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        throw protocol(op + ": an amount is not a number");
    }

    private static LocalDate date(JsonValue v, String op) {
        String text = ZohoJson.text(v);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw protocol(op + ": a date is not yyyy-mm-dd");
        }
    }

    private static int intOr(JsonValue v, int fallback) {
        return v instanceof JsonNumber n ? n.intValue() : fallback;
    }

    private static ZohoApiException protocol(String what) {
        return new ZohoApiException(Kind.PROTOCOL, null, "Zoho Books " + what, null, 200, null);
    }
}
