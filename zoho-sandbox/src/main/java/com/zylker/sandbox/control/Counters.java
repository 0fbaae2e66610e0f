package com.zylker.sandbox.control;

import com.zylker.sandbox.core.DataCenter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request counters the portal's tests read back, e.g. "ten concurrent page loads caused exactly one refresh".
 * They count requests <em>received</em> (refused ones and injected faults included), because what a test
 * wants to prove is how often the portal called Zoho, not how often Zoho said yes. Atomic, so exact under
 * concurrency.
 */
public final class Counters {

    public enum Kind {
        CODE_EXCHANGES("code_exchanges"),
        REFRESHES("refreshes"),
        REVOCATIONS("revocations"),
        API_CALLS("api_calls"),
        BOOKS_CALLS("books_calls"),
        USERINFO_CALLS("userinfo_calls");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Map<Kind, Map<String, AtomicLong>> byDc = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refreshesByUser = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> byUserPath = new ConcurrentHashMap<>();

    /** A call received, by {@code "METHOD /product/version/path-template"}, e.g. {@code POST /books/v3/invoices}. */
    public void incrementPath(String methodAndPath) {
        byPath.computeIfAbsent(methodAndPath, k -> new AtomicLong()).incrementAndGet();
    }

    /** A call whose token named a user: per product ({@code crm}, {@code books}) and per path. */
    public void incrementUser(String email, String product, String methodAndPath) {
        byUser.computeIfAbsent(email, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(product, k -> new AtomicLong()).incrementAndGet();
        byUserPath.computeIfAbsent(email, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(methodAndPath, k -> new AtomicLong()).incrementAndGet();
    }

    public void increment(Kind kind, DataCenter dc) {
        byDc.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(dc.id(), k -> new AtomicLong()).incrementAndGet();
    }

    /** Counts a refresh against the user who owns the refresh token (unknown tokens count for no user). */
    public void incrementRefreshOf(String email) {
        refreshesByUser.computeIfAbsent(email, k -> new AtomicLong()).incrementAndGet();
    }

    public long get(Kind kind, DataCenter dc) {
        AtomicLong n = byDc.getOrDefault(kind, Map.of()).get(dc.id());
        return n == null ? 0 : n.get();
    }

    public long refreshesOf(String email) {
        AtomicLong n = refreshesByUser.get(email);
        return n == null ? 0 : n.get();
    }

    public void reset() {
        byDc.clear();
        refreshesByUser.clear();
        byPath.clear();
        byUser.clear();
        byUserPath.clear();
    }

    private static Map<String, Object> nested(Map<String, Map<String, AtomicLong>> source) {
        Map<String, Object> out = new TreeMap<>();
        source.forEach((k, inner) -> {
            Map<String, Object> m = new TreeMap<>();
            inner.forEach((k2, n) -> m.put(k2, n.get()));
            out.put(k, m);
        });
        return out;
    }

    /** Every DC appears with its count (0 included) so tests can compare whole maps. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            Map<String, Object> perDc = new LinkedHashMap<>();
            for (DataCenter dc : DataCenter.values()) {
                perDc.put(dc.id(), get(kind, dc));
            }
            out.put(kind.key(), perDc);
        }
        Map<String, Object> users = new TreeMap<>();
        refreshesByUser.forEach((email, n) -> users.put(email, n.get()));
        out.put("refreshes_by_user", users);
        Map<String, Object> paths = new TreeMap<>();
        byPath.forEach((p, n) -> paths.put(p, n.get()));
        out.put("calls_by_path", paths);
        out.put("calls_by_user", nested(byUser));
        out.put("calls_by_user_path", nested(byUserPath));
        return out;
    }
}
