package com.zylker.portal.core.zoho.books;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoJson;
import com.zylker.portal.core.zoho.http.ZohoProduct;
import com.zylker.portal.core.zoho.http.ZohoRequest;
import com.zylker.portal.core.zoho.http.ZohoResponse;
import com.zylker.portal.core.zoho.http.ZohoTransport;
import jakarta.json.JsonArray;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoho Books v3 for the portal, on {@link ZohoApiCalls}: the organizations a user belongs to, and the calls
 * that need one, each carrying {@code organization_id}. What is Books' own stays here: the envelope
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
        String said = "Zoho Books refused " + op + (message == null || message.isEmpty() ? "" : ": " + message)
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
