package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUsers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CRM API credits per org and rolling 24 hours (Enterprise: 50,000 + 1,000 per user). Every call costs one
 * credit (a write of up to 10 records costs 1 at Zoho too). Zoho sends {@code X-API-CREDITS-REMAINING} only
 * once half the credits are used, and past the budget answers 429 TOO_MANY_REQUESTS <em>without</em>
 * {@code Retry-After}. The control API can shrink the budget so tests reach both points in a few calls.
 */
public final class CreditBudget {

    public static final Duration WINDOW = Duration.ofHours(24);

    private final Clock clock;
    private final Map<DataCenter, long[]> used = new EnumMap<>(DataCenter.class);
    private final Map<DataCenter, Instant> windowStart = new EnumMap<>(DataCenter.class);
    private final Map<DataCenter, Long> limits = new EnumMap<>(DataCenter.class);

    public CreditBudget(Clock clock) {
        this.clock = clock;
        reset();
    }

    public static long defaultLimit(DataCenter dc) {
        return 50_000L + 1_000L * DemoUsers.of(dc).size();
    }

    public synchronized void reset() {
        used.clear();
        windowStart.clear();
        limits.clear();
        for (DataCenter dc : DataCenter.values()) {
            limits.put(dc, defaultLimit(dc));
        }
    }

    /** A new budget for the DC's org, with nothing used. */
    public synchronized void setLimit(DataCenter dc, long limit) {
        if (limit < 1 || limit > 10_000_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000000");
        }
        limits.put(dc, limit);
        used.remove(dc);
        windowStart.remove(dc);
    }

    /**
     * Spends one credit. Returns the credits remaining when the header is due (half used or more), else -1.
     *
     * @throws CrmException 429 when the budget is spent
     */
    public synchronized long consume(DataCenter dc) {
        Instant now = clock.instant();
        Instant start = windowStart.get(dc);
        if (start == null || !now.isBefore(start.plus(WINDOW))) {
            windowStart.put(dc, now);
            used.put(dc, new long[1]);
        }
        long[] n = used.get(dc);
        long limit = limits.get(dc);
        if (n[0] >= limit) {
            throw CrmException.tooManyRequests();
        }
        n[0]++;
        return n[0] * 2 >= limit ? limit - n[0] : -1;
    }

    public synchronized Map<String, Object> view(DataCenter dc) {
        Map<String, Object> m = new LinkedHashMap<>();
        long[] n = used.get(dc);
        m.put("limit", limits.get(dc));
        m.put("used", n == null ? 0 : n[0]);
        return m;
    }
}
