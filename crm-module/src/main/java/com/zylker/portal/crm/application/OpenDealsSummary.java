package com.zylker.portal.crm.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** "My open deals by stage" for the dashboard: open stages in pipeline order, with totals. */
public record OpenDealsSummary(List<StageTotal> stages, int openDeals, BigDecimal openAmount,
                               BigDecimal weightedAmount, Instant computedAt) {

    public OpenDealsSummary {
        stages = List.copyOf(stages);
    }
}
