package com.zylker.portal.crm.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.crm.CoqlPage;
import com.zylker.portal.core.zoho.crm.Coql;
import com.zylker.portal.core.zoho.crm.CrmPicklistValue;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "My open deals by stage", computed by CRM: one COQL query for the user's deals in open stages (owner and
 * stages in the WHERE clause), not a read of every deal filtered here. Cached per portal session (one
 * browser's sign-in) for {@value #TTL_SECONDS} s, so the dashboard costs at most one CRM call per user and
 * browser per minute, and a new sign-in never sees figures cached for the previous one; the stage list (field
 * metadata) and the user's CRM id are cached longer by {@link PipelineStages} and {@link CrmUsers}.
 */
@ApplicationScoped
public class DealSummaries {

    static final int TTL_SECONDS = 60;
    /** 5 × 2,000 rows: a dashboard summary, not a report; the board reads everything. */
    static final int MAX_PAGES = 5;

    @Inject
    ZohoCrmClient crm;

    @Inject
    PipelineStages pipeline;

    @Inject
    CrmUsers users;

    @Inject
    Clock clock;

    private ShortCache<String, OpenDealsSummary> cache;

    @PostConstruct
    void init() {
        cache = new ShortCache<>(Duration.ofSeconds(TTL_SECONDS), 10_000, clock);
    }

    /** @param session the portal session's public id: what the cached figures are kept under */
    public OpenDealsSummary summaryFor(String user, String session, String dataCentre) {
        return cache.get(key(user, session), () -> compute(user, dataCentre));
    }

    /** Forgets the cached summary (after a write, or when the user asks for fresh figures). */
    public void forget(String user, String session) {
        cache.invalidate(key(user, session));
    }

    private static String key(String user, String session) {
        return user.toLowerCase(Locale.ROOT) + "|" + session;
    }

    private OpenDealsSummary compute(String user, String dataCentre) {
        List<CrmPicklistValue> open = pipeline.stages(user, dataCentre).stream().filter(s -> !s.closed()).toList();
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        open.forEach(s -> {
            totals.put(s.actualValue(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            counts.put(s.actualValue(), 0);
        });
        if (!open.isEmpty()) {
            String where = Coql.and(List.of("Owner = " + Coql.id(users.idOf(user)),
                    Coql.in("Stage", open.stream().map(CrmPicklistValue::actualValue).toList())));
            for (int page = 0; page < MAX_PAGES; page++) {
                CoqlPage rows = crm.coql(user, "select Stage, Amount, Probability from Deals where " + where
                        + " order by id limit " + Coql.MAX_ROWS + " offset " + (page * Coql.MAX_ROWS));
                for (Map<String, String> row : rows.rows()) {
                    BigDecimal[] t = totals.get(row.get("Stage"));
                    if (t == null) {
                        continue; // a stage renamed since the metadata was read: shown after the cache expires
                    }
                    BigDecimal amount = number(row.get("Amount"));
                    BigDecimal probability = number(row.get("Probability"));
                    t[0] = t[0].add(amount);
                    t[1] = t[1].add(amount.multiply(probability).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                    counts.merge(row.get("Stage"), 1, Integer::sum);
                }
                if (!rows.moreRecords()) {
                    break;
                }
            }
        }
        List<StageTotal> stages = new ArrayList<>();
        int deals = 0;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (CrmPicklistValue s : open) {
            BigDecimal[] t = totals.get(s.actualValue());
            int count = counts.get(s.actualValue());
            stages.add(new StageTotal(s.displayValue() == null ? s.actualValue() : s.displayValue(), s.probability(),
                    s.forecastType(), count, t[0], t[1]));
            deals += count;
            amount = amount.add(t[0]);
            weighted = weighted.add(t[1]);
        }
        return new OpenDealsSummary(stages, deals, amount, weighted, clock.instant());
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
