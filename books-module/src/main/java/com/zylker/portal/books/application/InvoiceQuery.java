package com.zylker.portal.books.application;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invoice list's filters as the URL carries them ({@code ?status=overdue&q=acme&sort=due_date&order=asc})
 * and as Books takes them ({@code filter_by=Status.OverDue&search_text=acme&sort_column=due_date&sort_order=A}).
 * Anything unknown falls back to the default: a URL is user input.
 */
public record InvoiceQuery(String status, String text, String sort, boolean ascending) implements Serializable {

    /** URL value → Books' {@code filter_by}, in the order the filter offers them. */
    public static final Map<String, String> STATUSES = statuses();
    public static final List<String> SORTS = List.of("created_time", "date", "due_date", "invoice_number",
            "customer_name", "total", "balance");
    public static final int MAX_TEXT = 100;

    private static Map<String, String> statuses() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("all", "Status.All");
        m.put("draft", "Status.Draft");
        m.put("sent", "Status.Sent");
        m.put("overdue", "Status.OverDue");
        m.put("partially_paid", "Status.PartiallyPaid");
        m.put("paid", "Status.Paid");
        m.put("void", "Status.Void");
        m.put("unpaid", "Status.Unpaid");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static InvoiceQuery of(String status, String text, String sort, String order) {
        String s = status == null ? "all" : status.strip().toLowerCase(Locale.ROOT);
        String t = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        if (t.length() > MAX_TEXT) {
            t = t.substring(0, MAX_TEXT);
        }
        String so = sort == null ? "created_time" : sort.strip().toLowerCase(Locale.ROOT);
        return new InvoiceQuery(STATUSES.containsKey(s) ? s : "all", t, SORTS.contains(so) ? so : "created_time",
                "asc".equalsIgnoreCase(order == null ? "" : order.strip()));
    }

    public static InvoiceQuery all() {
        return of(null, null, null, null);
    }

    /** Books' parameters for {@code GET /invoices}. */
    public Map<String, String> booksFilters() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("filter_by", STATUSES.get(status));
        if (!text.isEmpty()) {
            f.put("search_text", text);
        }
        f.put("sort_column", sort);
        f.put("sort_order", ascending ? "A" : "D");
        return f;
    }

    /** The URL parameters, defaults left out. */
    public Map<String, String> urlParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!"all".equals(status)) {
            p.put("status", status);
        }
        if (!text.isEmpty()) {
            p.put("q", text);
        }
        if (!"created_time".equals(sort)) {
            p.put("sort", sort);
        }
        if (ascending) {
            p.put("order", "asc");
        }
        return p;
    }

    /** The same filters, ordered by {@code column} (again: the other direction). */
    public InvoiceQuery sortedBy(String column) {
        return new InvoiceQuery(status, text, column, column.equals(sort) ? !ascending : !"created_time".equals(column)
                && !"date".equals(column) && !"total".equals(column) && !"balance".equals(column));
    }

    public boolean filtered() {
        return !"all".equals(status) || !text.isEmpty();
    }
}
