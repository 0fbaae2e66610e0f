package com.zylker.sandbox.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Zoho's standard Deal stages (ZOHO-FACTS.md) with the probability the Standard pipeline gives each. */
public final class DealStages {

    public static final Map<String, Integer> PROBABILITY;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Qualification", 10);
        m.put("Needs Analysis", 20);
        m.put("Value Proposition", 40);
        m.put("Id. Decision Makers", 60);
        m.put("Perception Analysis", 70);
        m.put("Proposal/Price Quote", 75);
        m.put("Negotiation/Review", 90);
        m.put("Closed Won", 100);
        m.put("Closed Lost", 0);
        m.put("Closed Lost to Competition", 0);
        PROBABILITY = java.util.Collections.unmodifiableMap(m);
    }

    private DealStages() {
    }

    public static Optional<Integer> probabilityOf(String stage) {
        return Optional.ofNullable(PROBABILITY.get(stage));
    }
}
