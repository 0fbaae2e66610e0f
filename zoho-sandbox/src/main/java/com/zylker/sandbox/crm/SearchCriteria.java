package com.zylker.sandbox.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Zoho's search {@code criteria}: {@code (Field:operator:value)} groups joined by {@code and}/{@code or},
 * nested in parentheses, at most 10 conditions; {@code (}, {@code )} and {@code ,} inside values are escaped
 * with a backslash. Text comparisons ignore case, as Zoho's search does; a lookup field ({@code Owner},
 * {@code Account_Name}) matches on its {@code id} or {@code name}.
 */
final class SearchCriteria {

    static final int MAX_CONDITIONS = 10;
    private static final List<String> OPERATORS = List.of("equals", "not_equal", "starts_with", "in", "greater_than",
            "greater_equal", "less_than", "less_equal", "between");

    private final String text;
    private int pos;
    private int conditions;

    private SearchCriteria(String text) {
        this.text = text.trim();
    }

    static Predicate<Map<String, Object>> parse(String criteria) {
        SearchCriteria p = new SearchCriteria(criteria);
        Predicate<Map<String, Object>> result = p.expression();
        if (p.pos != p.text.length()) {
            throw invalid("unexpected text at position " + p.pos);
        }
        return result;
    }

    private Predicate<Map<String, Object>> expression() {
        Predicate<Map<String, Object>> left = group();
        while (pos < text.length()) {
            if (text.regionMatches(true, pos, "and", 0, 3)) {
                pos += 3;
                left = left.and(group());
            } else if (text.regionMatches(true, pos, "or", 0, 2)) {
                pos += 2;
                left = left.or(group());
            } else {
                break;
            }
        }
        return left;
    }

    private Predicate<Map<String, Object>> group() {
        if (pos >= text.length() || text.charAt(pos) != '(') {
            throw invalid("expected ( at position " + pos);
        }
        pos++;
        Predicate<Map<String, Object>> inner;
        if (pos < text.length() && text.charAt(pos) == '(') {
            inner = expression();
        } else {
            inner = condition();
        }
        if (pos >= text.length() || text.charAt(pos) != ')') {
            throw invalid("expected ) at position " + pos);
        }
        pos++;
        return inner;
    }

    private Predicate<Map<String, Object>> condition() {
        if (++conditions > MAX_CONDITIONS) {
            throw new CrmException(400, "LIMIT_EXCEEDED", Map.of("limit", MAX_CONDITIONS),
                    "criteria may have at most 10 conditions");
        }
        StringBuilder raw = new StringBuilder();
        List<String> values = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                raw.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == ')') {
                break;
            }
            if (c == ':' && parts.size() < 2) {
                parts.add(raw.toString());
                raw.setLength(0);
            } else if (c == ',' && parts.size() == 2) {
                values.add(raw.toString());
                raw.setLength(0);
            } else {
                raw.append(c);
            }
            pos++;
        }
        values.add(raw.toString());
        if (parts.size() != 2 || parts.get(0).isBlank()) {
            throw invalid("a condition is (Field:operator:value)");
        }
        String field = parts.get(0).trim();
        String op = parts.get(1).trim().toLowerCase(Locale.ROOT);
        if (!OPERATORS.contains(op)) {
            throw invalid("unsupported operator " + op);
        }
        if (op.equals("between") && values.size() != 2) {
            throw invalid("between takes two values");
        }
        return record -> matches(record.get(field), op, values);
    }

    private static boolean matches(Object actual, String op, List<String> values) {
        if (actual instanceof Map<?, ?> lookup) {
            return matches(lookup.get("id"), op, values) || matches(lookup.get("name"), op, values);
        }
        String a = actual == null ? null : actual.toString().toLowerCase(Locale.ROOT);
        String v = values.get(0).trim().toLowerCase(Locale.ROOT);
        return switch (op) {
            case "equals" -> v.equals("null") ? a == null : v.equals(a);
            case "not_equal" -> v.equals("null") ? a != null : !v.equals(a);
            case "starts_with" -> a != null && a.startsWith(v);
            case "in" -> a != null && values.stream().map(x -> x.trim().toLowerCase(Locale.ROOT)).anyMatch(a::equals);
            case "between" -> a != null && compare(a, v) >= 0 && compare(a, values.get(1).trim().toLowerCase(Locale.ROOT)) <= 0;
            default -> {
                if (a == null) {
                    yield false;
                }
                int c = compare(a, v);
                yield switch (op) {
                    case "greater_than" -> c > 0;
                    case "greater_equal" -> c >= 0;
                    case "less_than" -> c < 0;
                    default -> c <= 0;
                };
            }
        };
    }

    /** Numbers numerically, everything else (dates included: ISO strings sort) as text. */
    static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static CrmException invalid(String reason) {
        return new CrmException(400, "INVALID_QUERY", Map.of("reason", reason), "invalid query formed");
    }
}
