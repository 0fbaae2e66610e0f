package com.zylker.portal.crm.application;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.crm.CoqlPage;
import com.zylker.portal.core.zoho.crm.Coql;
import com.zylker.portal.core.zoho.crm.CrmModule;
import com.zylker.portal.core.zoho.crm.CrmOrg;
import com.zylker.portal.core.zoho.crm.CrmPicklistValue;
import com.zylker.portal.core.zoho.crm.CrmWriteResult;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enrolment pipeline board: every deal that matches the filter, in the columns of the pipeline's stages
 * (CRM field metadata: order, probability, forecast type), and moving a deal to another stage.
 *
 * <p>Reading is done by CRM: one COQL query per 2,000 deals with owner, closing period and name in its WHERE
 * clause, paged with {@code offset} up to {@value #MAX_PAGES} pages — never "load everything and filter".
 * A board of N matching deals costs ⌈N / 2,000⌉ queries, plus field metadata, the organization and the user's
 * CRM id when their caches are cold.
 *
 * <p>A move is {@code PUT /Deals/{id}} with the new Stage, the deal's Pipeline, and
 * {@code If-Unmodified-Since} the modification time the board read, so a change made meanwhile by someone
 * else is refused ({@code ALREADY_MODIFIED}) instead of overwritten. Every refusal comes back as words and
 * the board unchanged; exactly one CRM call per move, never a retry loop.
 */
@ApplicationScoped
public class PipelineBoards {

    static final int MAX_PAGES = 50;
    private static final String FIELDS = "Deal_Name, Stage, Amount, Closing_Date, Account_Name, Owner, Probability,"
            + " Pipeline, Modified_Time";

    @Inject
    ZohoCrmClient crm;

    @Inject
    PipelineStages pipeline;

    @Inject
    CrmOrgs orgs;

    @Inject
    CrmUsers users;

    @Inject
    CrmLinks links;

    @Inject
    Clock clock;

    public PipelineBoard load(String user, String dataCentre, BoardFilter filter) {
        List<CrmPicklistValue> stages = pipeline.stages(user, dataCentre);
        CrmOrg org = orgs.of(user, dataCentre);
        boolean multiCurrency = pipeline.multiCurrency(user, dataCentre);
        String orgCurrency = org.currency() == null || org.currency().isBlank() ? "USD" : org.currency();
        LocalDate today = BoardFilter.today(clock, org.timeZone());

        Map<String, List<DealCard>> byStage = new LinkedHashMap<>();
        stages.forEach(s -> byStage.put(s.actualValue(), new ArrayList<>()));
        int calls = 0;
        if (!stages.isEmpty()) {
            String query = "select " + FIELDS + (multiCurrency ? ", Currency" : "") + " from Deals where "
                    + where(user, filter, stages, today) + " order by Closing_Date asc, id asc";
            for (int page = 0; page < MAX_PAGES; page++) {
                CoqlPage rows = crm.coql(user, query + " limit " + Coql.MAX_ROWS + " offset " + (page * Coql.MAX_ROWS));
                calls++;
                for (Map<String, String> row : rows.rows()) {
                    List<DealCard> column = byStage.get(row.get("Stage"));
                    if (column != null) {
                        column.add(card(row, orgCurrency, today, dataCentre));
                    }
                }
                if (!rows.moreRecords()) {
                    break;
                }
            }
        }
        List<BoardColumn> columns = stages.stream()
                .map(s -> new BoardColumn(s.actualValue(), s.displayValue() == null ? s.actualValue() : s.displayValue(),
                        s.probability(), s.forecastType(), byStage.get(s.actualValue())))
                .toList();
        return new PipelineBoard(columns, orgCurrency, calls);
    }

    /**
     * Moves a deal to {@code stage}. The board passed in is what the user saw; the answer's board has the
     * card in its new column (moved) or is the same board (refused).
     */
    public MoveOutcome move(String user, PipelineBoard board, String dealId, String stage) {
        Optional<DealCard> found = board.card(dealId);
        Optional<BoardColumn> target = board.column(stage);
        if (found.isEmpty() || target.isEmpty()) {
            return MoveOutcome.refused(board, "That deal or stage is no longer on the board. Reload the board and try again.");
        }
        DealCard deal = found.get();
        if (deal.stage().equals(stage)) {
            return MoveOutcome.refused(board, "“" + deal.name() + "” is already in " + target.get().label() + ".");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Stage", stage);
        if (deal.pipeline() != null) {
            fields.put("Pipeline", deal.pipeline()); // mandatory with pipelines: the Stage is checked against it
        }
        CrmWriteResult result;
        try {
            result = crm.update(user, CrmModule.DEALS, dealId, fields, deal.modifiedTime());
        } catch (ZohoApiException e) {
            return MoveOutcome.refused(board, MoveMessages.failure(e, deal.name()));
        }
        if (!result.succeeded()) {
            return MoveOutcome.refused(board, MoveMessages.refusal(result, deal.name(), target.get().label()));
        }
        Instant modified = instant(result.details().get("Modified_Time"));
        return MoveOutcome.moved(board.withMoved(deal.withStage(stage, modified)),
                "“" + deal.name() + "” moved to " + target.get().label() + ".");
    }

    private String where(String user, BoardFilter filter, List<CrmPicklistValue> stages, LocalDate today) {
        List<String> conditions = new ArrayList<>();
        conditions.add(Coql.in("Stage", stages.stream().map(CrmPicklistValue::actualValue).toList()));
        if (filter.mine()) {
            conditions.add("Owner = " + Coql.id(users.idOf(user)));
        }
        LocalDate[] range = filter.range(today);
        if (range != null) {
            conditions.add("Closing_Date between " + Coql.literal(range[0].toString()) + " and "
                    + Coql.literal(range[1].toString()));
        }
        if (filter.search() != null) {
            String words = filter.search().replace("%", "").replace("_", " ").strip();
            if (!words.isEmpty()) {
                conditions.add("Deal_Name like " + Coql.literal("%" + words + "%"));
            }
        }
        return Coql.and(conditions);
    }

    private DealCard card(Map<String, String> row, String orgCurrency, LocalDate today, String dataCentre) {
        String id = row.get("id");
        LocalDate closing = date(row.get("Closing_Date"));
        BigDecimal amount = number(row.get("Amount"));
        BigDecimal probability = number(row.get("Probability"));
        String currency = row.get("Currency") == null || row.get("Currency").isBlank() ? orgCurrency : row.get("Currency");
        String stage = row.get("Stage");
        boolean open = !(stage != null && stage.startsWith("Closed"));
        return new DealCard(id, row.get("Deal_Name"), row.get("Account_Name.name"), amount, currency, closing,
                open && closing != null && closing.isBefore(today), row.get("Owner.name"),
                probability == null ? null : probability.intValue(), stage, instant(row.get("Modified_Time")),
                row.get("Pipeline") != null ? row.get("Pipeline") : row.get("Pipeline.name"), links.deal(dataCentre, id));
    }

    private static BigDecimal number(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
