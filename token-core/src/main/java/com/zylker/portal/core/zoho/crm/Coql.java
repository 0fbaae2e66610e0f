package com.zylker.portal.core.zoho.crm;

import java.util.regex.Pattern;

/**
 * Pieces of COQL built safely: values from users or from Zoho itself (stage names are data) become quoted
 * literals with CRM's escaping, so they can never change a query's shape.
 *
 * <pre>{@code
 * String q = "select Stage, Amount from Deals where Owner = " + Coql.id(ownerId)
 *         + " and Stage != " + Coql.literal(stage) + " limit 2000";
 * }</pre>
 */
public final class Coql {

    /** CRM returns at most this many rows per COQL call; more come with {@code offset}. */
    public static final int MAX_ROWS = 2000;
    private static final Pattern ID = Pattern.compile("[0-9]{1,40}");

    private Coql() {
    }

    /** {@code 'text'} with {@code '} doubled, as COQL escapes it. */
    public static String literal(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a COQL literal needs a value");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("control characters are not allowed in a COQL literal");
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code field in ('a', 'b', …)}: one criterion however many values (COQL allows up to 100). */
    public static String in(String field, java.util.Collection<String> values) {
        if (values.isEmpty() || values.size() > 100) {
            throw new IllegalArgumentException("COQL's in takes 1 to 100 values");
        }
        return field + " in (" + values.stream().map(Coql::literal).collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /**
     * Criteria joined with {@code and}, bracketed in pairs as COQL requires for more than two:
     * {@code ((a and b) and c)}.
     */
    public static String and(java.util.List<String> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("at least one criterion is required");
        }
        String where = criteria.get(0);
        for (int i = 1; i < criteria.size(); i++) {
            where = "(" + where + " and " + criteria.get(i) + ")";
        }
        return where;
    }

    /** A record id as a quoted literal, refusing anything that is not a CRM id. */
    public static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a CRM record id");
        }
        return "'" + id + "'";
    }
}
