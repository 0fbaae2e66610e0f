package com.zylker.portal.crm.web;

import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.crm.application.BoardColumn;
import com.zylker.portal.crm.application.BoardFilter;
import com.zylker.portal.crm.application.DealCard;
import com.zylker.portal.crm.application.MoveOutcome;
import com.zylker.portal.crm.application.PipelineBoard;
import com.zylker.portal.crm.application.PipelineBoards;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.event.DragDropEvent;

/**
 * Backs the pipeline board ({@code /crm/}): the filter comes from the URL ({@code owner}, {@code closing},
 * {@code q}); the board it shows is kept in the (encrypted, client-side) view state, so a drop or a "Move to…"
 * served by another node still knows which card was where.
 */
@Named
@ViewScoped(saveInViewState = true)
public class PipelineView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The row indexes in a card's or column's client id ({@code board:columns:2:cards:5:card}). */
    private static final Pattern INDEX = Pattern.compile(":(\\d{1,6}):");

    @Inject
    PipelineBoards boards;

    @Inject
    PortalUser user;

    private String owner;
    private String closing;
    private String q;
    private PipelineBoard board;
    private String moveDealId;
    private String moveStage;

    /** {@code f:viewAction}: loads the board on the first request of the view. */
    public void load() {
        if (board == null) {
            board = boards.load(user.requireEmail(), user.getDataCentre(), filter());
        }
    }

    /** A card dropped on a column (PrimeFaces drag and drop). */
    public void onDrop(DragDropEvent<?> event) {
        int[] card = indexes(event.getDragId());
        int[] column = indexes(event.getDropId());
        if (card.length < 2 || column.length < 1 || board == null || column[0] >= board.columns().size()
                || card[0] >= board.columns().size() || card[1] >= board.columns().get(card[0]).cards().size()) {
            message(FacesMessage.SEVERITY_WARN, "The board changed meanwhile. Reload it and try again.");
            return;
        }
        DealCard deal = board.columns().get(card[0]).cards().get(card[1]);
        move(deal.id(), board.columns().get(column[0]).stage());
    }

    /** The keyboard way: "Move to…" on a card opens the dialog with this deal. */
    public void chooseMove(String dealId) {
        moveDealId = dealId;
        moveStage = board == null ? null : board.card(dealId).map(DealCard::stage).orElse(null);
    }

    public void moveChosen() {
        if (moveDealId != null && moveStage != null) {
            move(moveDealId, moveStage);
        }
    }

    private void move(String dealId, String stage) {
        MoveOutcome outcome = boards.move(user.requireEmail(), board, dealId, stage);
        board = outcome.board();
        message(outcome.moved() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN, outcome.message());
        if (!outcome.moved()) {
            FacesContext.getCurrentInstance().validationFailed(); // tells the page script the move was refused
        }
    }

    private static int[] indexes(String clientId) {
        if (clientId == null) {
            return new int[0];
        }
        Matcher m = INDEX.matcher(clientId + ":");
        java.util.List<Integer> found = new java.util.ArrayList<>();
        int from = 0;
        while (m.find(from)) {
            found.add(Integer.parseInt(m.group(1)));
            from = m.end() - 1;
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, "")); // no repeated detail
    }

    public BoardFilter filter() {
        return BoardFilter.of(owner, closing, q);
    }

    public PipelineBoard getBoard() {
        return board;
    }

    public List<BoardColumn> getColumns() {
        return board == null ? List.of() : board.columns();
    }

    public DealCard getMoveDeal() {
        return board == null || moveDealId == null ? null : board.card(moveDealId).orElse(null);
    }

    /** A filter link that keeps the other filters: {@code /crm/?owner=all&closing=month&q=…}. */
    public String link(String newOwner, String newClosing) {
        BoardFilter f = filter();
        String o = newOwner != null ? newOwner : (f.mine() ? "mine" : "all");
        String c = newClosing != null ? newClosing : f.period().param();
        String query = "owner=" + o + "&closing=" + c;
        if (f.search() != null) {
            query += "&q=" + java.net.URLEncoder.encode(f.search(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return "/crm/?" + query;
    }

    public String barWidth(java.math.BigDecimal amount) {
        if (board == null || amount == null) {
            return "0";
        }
        return amount.multiply(java.math.BigDecimal.valueOf(100)).divide(board.maxTotal(), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getClosing() {
        return closing;
    }

    public void setClosing(String closing) {
        this.closing = closing;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getMoveStage() {
        return moveStage;
    }

    public void setMoveStage(String moveStage) {
        this.moveStage = moveStage;
    }
}
