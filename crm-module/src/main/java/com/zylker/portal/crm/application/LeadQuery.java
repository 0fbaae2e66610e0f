package com.zylker.portal.crm.application;

import com.zylker.portal.core.zoho.crm.CrmSearch;
import java.io.Serializable;
import java.util.Optional;

/**
 * What the leads table shows: a lead status filter, a search text, and the order — the screen's view
 * parameters ({@code /crm/leads?status=Contacted&q=meera&sort=modified&order=asc}), so a view can be bookmarked
 * and shared. Anything a URL can carry is normalised here: unknown sorts fall back to newest first, texts are
 * trimmed and capped.
 *
 * <p>CRM sorts only its plain list ({@code sort_by} Created_Time / Modified_Time); {@code /Leads/search} has
 * no sort, so a filtered or searched view comes in CRM's order and {@link #sorted()} says so.
 */
public record LeadQuery(String status, String text, Sort sort, boolean ascending) implements Serializable {

    public static final int MAX_TEXT = 100;
    public static final int MAX_STATUS = 120;

    public enum Sort {
        CREATED("created", "Created_Time"), MODIFIED("modified", "Modified_Time");

        private final String param;
        private final String field;

        Sort(String param, String field) {
            this.param = param;
            this.field = field;
        }

        public String param() {
            return param;
        }

        String field() {
            return field;
        }

        static Sort of(String param) {
            for (Sort s : values()) {
                if (s.param.equalsIgnoreCase(param == null ? "" : param.strip())) {
                    return s;
                }
            }
            return CREATED;
        }
    }

    public LeadQuery {
        status = clean(status, MAX_STATUS);
        text = clean(text, MAX_TEXT);
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** From the URL's view parameters; {@code order} is {@code asc} or anything else (newest first). */
    public static LeadQuery of(String status, String text, String sort, String order) {
        return new LeadQuery(status, text, Sort.of(sort), "asc".equalsIgnoreCase(order == null ? "" : order.strip()));
    }

    public static LeadQuery all() {
        return new LeadQuery(null, null, Sort.CREATED, false);
    }

    public boolean filtered() {
        return status != null || text != null;
    }

    /** Whether the table's order is the chosen sort (only for the unfiltered list, see the class comment). */
    public boolean sorted() {
        return !filtered();
    }

    public String order() {
        return ascending ? "asc" : "desc";
    }

    /**
     * The {@code /Leads/search} this query needs, or empty for the plain list. A status alone is a criteria
     * search; a text alone is CRM's word search (an email: the email search); both are one criteria with the
     * text as a prefix of first name, last name or email. Values go through CRM's escaping, so a typed
     * {@code )or(} cannot change the criteria's shape.
     */
    public Optional<CrmSearch> search() {
        if (status == null && text == null) {
            return Optional.empty();
        }
        if (text == null) {
            return Optional.of(CrmSearch.criteria("(" + CrmSearch.fieldEquals("Lead_Status", status) + ")"));
        }
        if (status == null) {
            return Optional.of(looksLikeEmail(text) ? CrmSearch.email(text) : CrmSearch.word(text));
        }
        String t = escape(text);
        return Optional.of(CrmSearch.criteria("((" + CrmSearch.fieldEquals("Lead_Status", status) + ")and("
                + "(First_Name:starts_with:" + t + ")or(Last_Name:starts_with:" + t + ")or(Email:starts_with:" + t + ")))"));
    }

    String sortField() {
        return sort.field();
    }

    private static boolean looksLikeEmail(String text) {
        return text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** CRM's escaping for criteria values: {@code \ ( ) ,} get a backslash. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace(",", "\\,");
    }

    private static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
