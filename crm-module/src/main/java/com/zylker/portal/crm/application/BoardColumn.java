package com.zylker.portal.crm.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of the board with its cards and totals: count, total and weighted total per currency (an
 * organization may sell in several; amounts of different currencies are never added).
 */
public record BoardColumn(String stage, String label, Integer probability, String forecastType,
                          List<DealCard> cards) implements Serializable {

    public BoardColumn {
        cards = List.copyOf(cards);
    }

    public int count() {
        return cards.size();
    }

    public boolean won() {
        return "closed won".equalsIgnoreCase(forecastType);
    }

    public boolean lost() {
        return forecastType != null && forecastType.toLowerCase(java.util.Locale.ROOT).startsWith("closed lost");
    }

    /** Currency → total amount, in the order currencies first appear. */
    public Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        cards.forEach(c -> out.merge(c.currency(), c.amount() == null ? BigDecimal.ZERO : c.amount(), BigDecimal::add));
        return out;
    }

    /** Currency → total of amount × each deal's own probability. */
    public Map<String, BigDecimal> weightedTotals() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        cards.forEach(c -> out.merge(c.currency(), c.weighted(), BigDecimal::add));
        return out;
    }

    /** Totals as a list, for pages ({@code ui:repeat} does not iterate maps). */
    public List<Map.Entry<String, BigDecimal>> totalsList() {
        return new ArrayList<>(totals().entrySet());
    }

    public List<Map.Entry<String, BigDecimal>> weightedList() {
        return new ArrayList<>(weightedTotals().entrySet());
    }

    BoardColumn with(List<DealCard> newCards) {
        return new BoardColumn(stage, label, probability, forecastType, newCards);
    }
}
