package com.zylker.portal.crm.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The enrolment pipeline as the board shows it: one column per stage in pipeline order. Immutable; a move
 * makes a new board with the card in its new column, so totals and the chart follow without asking CRM again.
 *
 * @param currency  the organization's currency (deals without one are in it)
 * @param crmCalls  what loading it cost, for the page's footnote and the tests
 */
public record PipelineBoard(List<BoardColumn> columns, String currency, int crmCalls) implements Serializable {

    public PipelineBoard {
        columns = List.copyOf(columns);
    }

    public int dealCount() {
        return columns.stream().mapToInt(BoardColumn::count).sum();
    }

    public Optional<DealCard> card(String dealId) {
        return columns.stream().flatMap(c -> c.cards().stream()).filter(d -> d.id().equals(dealId)).findFirst();
    }

    public Optional<BoardColumn> column(String stage) {
        return columns.stream().filter(c -> c.stage().equals(stage)).findFirst();
    }

    /** The largest column total of any currency: the chart's scale. */
    public BigDecimal maxTotal() {
        return columns.stream().flatMap(c -> c.totals().values().stream()).max(BigDecimal::compareTo)
                .filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
    }

    /** The board with {@code moved} taken out of its column and put at the top of {@code moved.stage()}'s. */
    PipelineBoard withMoved(DealCard moved) {
        List<BoardColumn> out = new ArrayList<>();
        for (BoardColumn c : columns) {
            List<DealCard> cards = new ArrayList<>(c.cards().stream().filter(d -> !d.id().equals(moved.id())).toList());
            if (c.stage().equals(moved.stage())) {
                cards.add(0, moved);
            }
            out.add(c.with(cards));
        }
        return new PipelineBoard(out, currency, crmCalls);
    }
}
