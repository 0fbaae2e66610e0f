package com.zylker.portal.web.home;

import java.math.BigDecimal;
import java.util.List;

/** The home page's CRM summary: the signed-in user's open deals, by stage in pipeline order. */
public record HomeSummary(List<StageSummary> stages, int openDeals, BigDecimal openAmount) {
}
