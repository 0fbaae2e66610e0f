package com.zylker.sandbox.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Deal stages of the sandbox's CRM orgs and the pipelines they belong to. This is the single source of
 * the figures: {@code GET /settings/fields?module=Deals} serves them, the seed data and every Stage change read
 * them, so a client that takes probabilities from the field metadata (as Zoho says to) always agrees with
 * the records.
 */
public final class DealStages {

    /** One value of the Stage picklist; {@code actualValue} is what records carry. */
    public record Stage(String actualValue, String displayValue, int sequence, int probability, String forecastType) {
    }

    public static final String STANDARD_PIPELINE = "Standard (Standard)";
    /** A second pipeline with fewer stages, so "Stage must belong to the Pipeline" can be seen to fail. */
    public static final String CORPORATE_PIPELINE = "Corporate Training (Standard)";

    public static final List<Stage> STAGES = List.of(
            new Stage("Qualification", "Qualification", 1, 10, "Open"),
            new Stage("Needs Analysis", "Needs Analysis", 2, 20, "Open"),
            new Stage("Value Proposition", "Value Proposition", 3, 40, "Open"),
            new Stage("Id. Decision Makers", "Identify Decision Makers", 4, 60, "Open"),
            new Stage("Proposal/Price Quote", "Proposal/Price Quote", 5, 75, "Open"),
            new Stage("Negotiation/Review", "Negotiation/Review", 6, 90, "Open"),
            new Stage("Closed Won", "Closed Won", 7, 100, "Closed Won"),
            new Stage("Closed Lost", "Closed Lost", 8, 0, "Closed Lost"),
            new Stage("Closed Lost to Competition", "Closed Lost to Competition", 9, 0, "Closed Lost"));

    /** Stage actual value → probability, in sequence order. */
    public static final Map<String, Integer> PROBABILITY;

    /** Pipeline → its stages' actual values, in order. */
    public static final Map<String, List<String>> PIPELINES;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        STAGES.forEach(s -> m.put(s.actualValue(), s.probability()));
        PROBABILITY = Collections.unmodifiableMap(m);
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put(STANDARD_PIPELINE, STAGES.stream().map(Stage::actualValue).toList());
        p.put(CORPORATE_PIPELINE, List.of("Qualification", "Proposal/Price Quote", "Negotiation/Review",
                "Closed Won", "Closed Lost"));
        PIPELINES = Collections.unmodifiableMap(p);
    }

    private DealStages() {
    }

    public static Optional<Integer> probabilityOf(String stage) {
        return Optional.ofNullable(PROBABILITY.get(stage));
    }

    public static Optional<Stage> stage(String actualValue) {
        return STAGES.stream().filter(s -> s.actualValue().equals(actualValue)).findFirst();
    }

    public static boolean isOpen(String stage) {
        return stage(stage).map(s -> s.forecastType().equals("Open")).orElse(false);
    }
}
