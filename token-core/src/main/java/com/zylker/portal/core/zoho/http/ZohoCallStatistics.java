package com.zylker.portal.core.zoho.http;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and total latency of Zoho exchanges per product, operation and outcome, in memory, for the metrics
 * endpoint to publish. Lock-free: it is on every Zoho call's path.
 */
public final class ZohoCallStatistics implements ZohoCallObserver {

    /** Count and summed latency of one (product, operation, outcome). */
    public record Figures(long count, Duration totalLatency) {
    }

    private record Key(ZohoProduct product, String operation, String outcome) {
    }

    private static final class Cell {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    private final Map<Key, Cell> cells = new ConcurrentHashMap<>();

    @Override
    public void exchanged(ZohoProduct product, String operation, String outcome, Duration latency) {
        Cell cell = cells.computeIfAbsent(new Key(product, operation, outcome), k -> new Cell());
        cell.count.increment();
        cell.nanos.add(latency.toNanos());
    }

    /** A snapshot keyed "CRM list Deals 200". */
    public Map<String, Figures> snapshot() {
        Map<String, Figures> out = new TreeMap<>();
        cells.forEach((k, c) -> out.put(k.product() + " " + k.operation() + " " + k.outcome(),
                new Figures(c.count.sum(), Duration.ofNanos(c.nanos.sum()))));
        return out;
    }
}
