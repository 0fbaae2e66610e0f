package com.zylker.portal.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A small in-memory cache with a time to live, for what the screens read from Zoho again and again (a user's
 * summary, an organization's field metadata). Per node and per WAR by design: it only saves Zoho calls, it
 * is never the truth — a write invalidates its key, and a stale entry lives at most the TTL. Bounded: past
 * {@code maxEntries} it drops expired entries, then everything, rather than grow.
 *
 * <pre>{@code
 * ShortCache<String, Summary> summaries = new ShortCache<>(Duration.ofMinutes(1), 10_000, clock);
 * Summary s = summaries.get(user, () -> compute(user));
 * }</pre>
 */
public final class ShortCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ShortCache(Duration ttl, int maxEntries, Clock clock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("a positive TTL and size are required");
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cached value, or {@code load}'s (cached unless it throws). Concurrent misses may both load. */
    public V get(K key, Supplier<V> load) {
        Optional<V> hit = peek(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        V value = Objects.requireNonNull(load.get(), "a cache loader returned null");
        put(key, value);
        return value;
    }

    public Optional<V> peek(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    public void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}
