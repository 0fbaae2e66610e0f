package com.zylker.sandbox.control;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults armed for the next N calls of a family of endpoints. Each call takes at most one charge, atomically,
 * so "times: 1" hits exactly one of several concurrent calls.
 */
public final class Faults {

    public static final Set<String> FAMILIES = Set.of("token", "revoke", "userinfo", "crm", "books");

    private record Armed(Fault fault, int remaining) {
    }

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();

    /** Arms (or re-arms, replacing) the family's fault. */
    public void arm(String family, Fault fault, int times) {
        String key = family == null ? "" : family.toLowerCase(Locale.ROOT);
        if (!FAMILIES.contains(key)) {
            throw new IllegalArgumentException("family must be one of " + FAMILIES + ", was " + family);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        armed.put(key, new Armed(fault, times));
    }

    /** Takes one charge of the family's fault, if one is armed. */
    public Optional<Fault> take(String family) {
        Fault[] taken = new Fault[1];
        armed.computeIfPresent(family, (k, a) -> {
            taken[0] = a.fault();
            return a.remaining() > 1 ? new Armed(a.fault(), a.remaining() - 1) : null;
        });
        return Optional.ofNullable(taken[0]);
    }

    public void clear() {
        armed.clear();
    }

    public Map<String, Integer> remaining() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        armed.forEach((k, a) -> out.put(k, a.remaining()));
        return out;
    }
}
