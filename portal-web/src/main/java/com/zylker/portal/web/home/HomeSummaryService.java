package com.zylker.portal.web.home;

import com.zylker.portal.core.zoho.crm.CrmPage;
import com.zylker.portal.core.zoho.crm.CrmPageRequest;
import com.zylker.portal.core.zoho.crm.Deal;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes "my open deals by stage" from CRM v8 with the user's own token. Reads at most
 * {@value #MAX_PAGES} pages of 200 deals: a summary, not a report.
 */
@ApplicationScoped
public class HomeSummaryService {

    static final int MAX_PAGES = 5;
    static final List<String> OPEN_STAGES = List.of("Qualification", "Needs Analysis", "Value Proposition",
            "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review");

    @Inject
    ZohoCrmClient crm;

    public HomeSummary summaryFor(String email) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        OPEN_STAGES.forEach(stage -> {
            counts.put(stage, new int[1]);
            amounts.put(stage, BigDecimal.ZERO);
        });
        String me = email.toLowerCase(Locale.ROOT);
        for (int page = 1; page <= MAX_PAGES; page++) {
            CrmPage<Deal> deals = crm.deals(email, new CrmPageRequest(page, 200, null, null, null));
            for (Deal deal : deals.records()) {
                if (deal.ownerEmail() != null && deal.ownerEmail().toLowerCase(Locale.ROOT).equals(me)
                        && counts.containsKey(deal.stage())) {
                    counts.get(deal.stage())[0]++;
                    amounts.merge(deal.stage(), deal.amount() == null ? BigDecimal.ZERO : deal.amount(), BigDecimal::add);
                }
            }
            if (!deals.moreRecords()) {
                break;
            }
        }
        List<StageSummary> stages = new ArrayList<>();
        int total = 0;
        BigDecimal totalAmount = BigDecimal.ZERO;
        for (String stage : OPEN_STAGES) {
            int count = counts.get(stage)[0];
            stages.add(new StageSummary(stage, count, amounts.get(stage)));
            total += count;
            totalAmount = totalAmount.add(amounts.get(stage));
        }
        return new HomeSummary(stages, total, totalAmount);
    }
}
