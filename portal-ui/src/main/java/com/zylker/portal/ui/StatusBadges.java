package com.zylker.portal.ui;

import java.util.Locale;
import java.util.Map;

/**
 * The colour of a status badge, from the status text Zoho gives (deal stages, lead and invoice statuses), so
 * that "Closed Won" and "Paid" look alike in every module. Unknown statuses get the neutral colour: Zoho
 * organisations rename and add stages freely.
 *
 * <pre>{@code
 * StatusBadges.cssClass("Overdue");   // "zy-badge zy-badge-bad"
 * }</pre>
 */
public final class StatusBadges {

    private static final String BASE = "zy-badge ";
    private static final String NEUTRAL = "zy-badge-neutral";
    private static final Map<String, String> TONES = Map.ofEntries(
            Map.entry("closed won", "zy-badge-good"), Map.entry("won", "zy-badge-good"),
            Map.entry("paid", "zy-badge-good"), Map.entry("converted", "zy-badge-good"),
            Map.entry("active", "zy-badge-good"),
            Map.entry("closed lost", "zy-badge-bad"), Map.entry("lost", "zy-badge-bad"),
            Map.entry("overdue", "zy-badge-bad"), Map.entry("void", "zy-badge-bad"),
            Map.entry("junk lead", "zy-badge-bad"), Map.entry("lost lead", "zy-badge-bad"),
            Map.entry("partially paid", "zy-badge-warn"), Map.entry("negotiation/review", "zy-badge-warn"),
            Map.entry("pending", "zy-badge-warn"), Map.entry("unpaid", "zy-badge-warn"),
            Map.entry("sent", "zy-badge-info"), Map.entry("open", "zy-badge-info"),
            Map.entry("qualification", "zy-badge-info"), Map.entry("contacted", "zy-badge-info"),
            Map.entry("draft", "zy-badge-neutral"), Map.entry("new", "zy-badge-neutral"));

    private StatusBadges() {
    }

    public static String cssClass(String status) {
        if (status == null) {
            return BASE + NEUTRAL;
        }
        return BASE + TONES.getOrDefault(status.trim().toLowerCase(Locale.ROOT), NEUTRAL);
    }
}
