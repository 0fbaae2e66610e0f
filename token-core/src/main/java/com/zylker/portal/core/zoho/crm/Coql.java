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

    /** {@code 'text'} with {@code \} and {@code '} escaped. */
    public static String literal(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a COQL literal needs a value");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("control characters are not allowed in a COQL literal");
        }
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A record id as a quoted literal, refusing anything that is not a CRM id. */
    public static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a CRM record id");
        }
        return "'" + id + "'";
    }
}
