package com.zylker.sandbox.crm;

import com.zylker.sandbox.data.Module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The subset of COQL the sandbox understands: {@code select f1, f2 from Module where … [order by f [asc|desc],
 * …] [limit n [offset m] | limit m, n]} with {@code =}, {@code !=}, {@code <}, {@code >}, {@code <=},
 * {@code >=}, {@code like}, {@code not like}, {@code in}, {@code not in}, {@code between}, {@code is [not] null},
 * {@code and}/{@code or} and parentheses. Like Zoho: WHERE is required, at most 50 fields and 2,000 rows per
 * call, 100,000 reachable through offset; a query it cannot parse is SYNTAX_ERROR with the clause and the
 * token it stopped at.
 */
final class Coql {

    static final int MAX_LIMIT = 2_000;
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_OFFSET = 100_000;

    record Query(Module module, List<String> fields, Predicate<Map<String, Object>> where,
                 Comparator<Map<String, Object>> order, int limit, int offset) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:[^'\\\\]|\\\\.|'')*')|(<=|>=|!=|<>|[(),=<>*])|([A-Za-z_$][A-Za-z0-9_$.]*)|(-?\\d+(?:\\.\\d+)?))");

    private final List<String> tokens = new ArrayList<>();
    private int pos;
    private String clause = "select";

    private Coql(String query) {
        var m = TOKEN.matcher(query);
        int at = 0;
        while (at < query.length()) {
            if (query.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw syntax("select", query.substring(at, Math.min(query.length(), at + 10)).trim());
            }
            tokens.add(m.group().trim());
            at = m.end();
        }
    }

    static Query parse(String query, Set<String> knownFields) {
        if (query == null || query.isBlank()) {
            throw CrmException.requiredParamMissing("select_query");
        }
        return new Coql(query).query(knownFields);
    }

    private Query query(Set<String> knownFields) {
        expect("select");
        List<String> fields = new ArrayList<>();
        do {
            String f = next();
            if (!isIdentifier(f) || isKeyword(f)) {
                throw syntax(clause, f);
            }
            fields.add(f);
        } while (accept(","));
        if (fields.size() > 50) {
            throw CrmException.limitExceeded("select_query", 50);
        }
        clause = "from";
        expect("from");
        String moduleName = next();
        Module module = Module.byApiName(moduleName).orElseThrow(() ->
                new CrmException(400, "INVALID_QUERY", Map.of("module", moduleName), "the module given is invalid"));
        for (String f : fields) {
            checkField(f, knownFields);
        }
        clause = "where";
        if (!acceptWord("where")) {
            throw syntax("where", peek() == null ? "" : peek());
        }
        Predicate<Map<String, Object>> where = orExpression(knownFields);
        Comparator<Map<String, Object>> order = Comparator.comparing(r -> Long.parseLong((String) r.get("id")));
        if (acceptWord("order")) {
            clause = "order by";
            expect("by");
            Comparator<Map<String, Object>> c = null;
            do {
                String f = next();
                checkField(f, knownFields);
                Comparator<Map<String, Object>> one = Comparator.comparing(r -> sortKey(value(r, f)),
                        Comparator.nullsFirst(Coql::compareKeys));
                if (acceptWord("desc")) {
                    one = one.reversed();
                } else {
                    acceptWord("asc");
                }
                c = c == null ? one : c.thenComparing(one);
            } while (accept(","));
            order = c.thenComparing(order);
        }
        int limit = DEFAULT_LIMIT;
        int offset = 0;
        if (acceptWord("limit")) {
            clause = "limit";
            int first = number();
            if (accept(",")) {
                offset = first;
                limit = number();
            } else {
                limit = first;
                if (acceptWord("offset")) {
                    clause = "offset";
                    offset = number();
                }
            }
        }
        if (peek() != null) {
            throw syntax(clause, peek());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CrmException(400, "LIMIT_EXCEEDED", Map.of("limit", MAX_LIMIT),
                    "limit must be between 1 and 2000");
        }
        if (offset < 0 || (long) offset + limit > MAX_OFFSET) {
            throw new CrmException(400, "LIMIT_EXCEEDED", Map.of("offset", MAX_OFFSET),
                    "offset and limit may reach 100000 records at most");
        }
        return new Query(module, fields, where, order, limit, offset);
    }

    private Predicate<Map<String, Object>> orExpression(Set<String> known) {
        Predicate<Map<String, Object>> left = andExpression(known);
        while (acceptWord("or")) {
            left = left.or(andExpression(known));
        }
        return left;
    }

    private Predicate<Map<String, Object>> andExpression(Set<String> known) {
        Predicate<Map<String, Object>> left = factor(known);
        while (acceptWord("and")) {
            left = left.and(factor(known));
        }
        return left;
    }

    private Predicate<Map<String, Object>> factor(Set<String> known) {
        if (accept("(")) {
            Predicate<Map<String, Object>> inner = orExpression(known);
            expect(")");
            return inner;
        }
        String field = next();
        if (!isIdentifier(field) || isKeyword(field)) {
            throw syntax(clause, field);
        }
        checkField(field, known);
        String op = next();
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "=", "!=", "<>", "<", ">", "<=", ">=" -> {
                Object v = literal();
                return r -> compare(value(r, field), lower, v);
            }
            case "like" -> {
                Pattern p = likePattern(stringLiteral());
                return r -> value(r, field) != null && p.matcher(value(r, field).toString()).matches();
            }
            case "in" -> {
                List<Object> values = list();
                return r -> values.stream().anyMatch(v -> compare(value(r, field), "=", v));
            }
            case "between" -> {
                Object lo = literal();
                if (!acceptWord("and")) {
                    throw syntax(clause, peek() == null ? "" : peek());
                }
                Object hi = literal();
                return r -> compare(value(r, field), ">=", lo) && compare(value(r, field), "<=", hi);
            }
            case "is" -> {
                boolean not = acceptWord("not");
                expect("null");
                return r -> (value(r, field) == null) != not;
            }
            case "not" -> {
                if (acceptWord("like")) {
                    Pattern p = likePattern(stringLiteral());
                    return r -> value(r, field) == null || !p.matcher(value(r, field).toString()).matches();
                }
                expect("in");
                List<Object> values = list();
                return r -> values.stream().noneMatch(v -> compare(value(r, field), "=", v));
            }
            default -> throw syntax(clause, op);
        }
    }

    private List<Object> list() {
        expect("(");
        List<Object> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (accept(","));
        expect(")");
        return values;
    }

    private Object literal() {
        String t = next();
        if (t.startsWith("'")) {
            return unquote(t);
        }
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            return new java.math.BigDecimal(t);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        if (lower.equals("null")) {
            return null;
        }
        throw syntax(clause, t);
    }

    private String stringLiteral() {
        String t = next();
        if (!t.startsWith("'")) {
            throw syntax(clause, t);
        }
        return unquote(t);
    }

    private static String unquote(String t) {
        return t.substring(1, t.length() - 1).replace("''", "'").replace("\\'", "'");
    }

    private static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (char c : like.toCharArray()) {
            re.append(c == '%' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** {@code Owner.id} reads into a lookup; a bare lookup compares by its id. */
    static Object value(Map<String, Object> record, String field) {
        int dot = field.indexOf('.');
        if (dot > 0) {
            return record.get(field.substring(0, dot)) instanceof Map<?, ?> m ? m.get(field.substring(dot + 1)) : null;
        }
        Object v = record.get(field);
        return v instanceof Map<?, ?> m ? m.get("id") : v;
    }

    private static boolean compare(Object actual, String op, Object wanted) {
        if (actual == null || wanted == null) {
            boolean same = actual == wanted;
            return op.equals("=") ? same : (op.equals("!=") || op.equals("<>")) && !same;
        }
        int c = compareKeys(sortKey(actual), sortKey(wanted));
        return switch (op) {
            case "=" -> c == 0;
            case "!=", "<>" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    private static Comparable<?> sortKey(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return new java.math.BigDecimal(n.toString());
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        String s = v.toString();
        if (s.matches("-?\\d+(\\.\\d+)?") && s.length() < 30) {
            return new java.math.BigDecimal(s);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Comparable a, Comparable b) {
        if (a.getClass() != b.getClass()) {
            return a.toString().compareTo(b.toString());
        }
        return a.compareTo(b);
    }

    static Map<String, Object> project(Map<String, Object> record, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) {
            int dot = f.indexOf('.');
            Object v = record.get(dot > 0 ? f.substring(0, dot) : f);
            // Lookups come back as {"id"} (or with the requested sub-field), as COQL answers them.
            if (dot > 0) {
                out.put(f, v instanceof Map<?, ?> m ? m.get(f.substring(dot + 1)) : null);
            } else if (v instanceof Map<?, ?> m) {
                out.put(f, Map.of("id", m.get("id")));
            } else {
                out.put(f, v);
            }
        }
        out.put("id", record.get("id"));
        return out;
    }

    private void checkField(String field, Set<String> known) {
        String base = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        if (!known.contains(base)) {
            throw new CrmException(400, "INVALID_QUERY", Map.of("column_name", field, "clause", clause),
                    "invalid column given");
        }
    }

    private static boolean isIdentifier(String t) {
        return t != null && t.matches("[A-Za-z_$][A-Za-z0-9_$.]*");
    }

    private static boolean isKeyword(String t) {
        return Set.of("select", "from", "where", "order", "by", "limit", "offset", "and", "or")
                .contains(t.toLowerCase(Locale.ROOT));
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw syntax(clause, "");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String symbol) {
        if (symbol.equals(peek())) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (peek() != null && peek().equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!acceptWord(word)) {
            throw syntax(clause, peek() == null ? "" : peek());
        }
    }

    private int number() {
        String t = next();
        if (!t.matches("\\d+")) {
            throw syntax(clause, t);
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw syntax(clause, t);
        }
    }

    private static CrmException syntax(String clause, String near) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clause", clause);
        details.put("near", near);
        return new CrmException(400, "SYNTAX_ERROR", details, "error occurred while parsing the query");
    }
}
