package com.zylker.portal.web.home;

import java.math.BigDecimal;

/** One bar of the home page's "my open deals by stage". */
public record StageSummary(String stage, int count, BigDecimal amount) {
}
