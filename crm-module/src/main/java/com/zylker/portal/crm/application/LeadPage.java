package com.zylker.portal.crm.application;

import java.util.List;

/**
 * One page of leads. CRM gives no total count, only "more records": the screen says "page N, more available"
 * instead of inventing a total.
 */
public record LeadPage(List<LeadRow> rows, int page, int perPage, boolean more) {

    public LeadPage {
        rows = List.copyOf(rows);
    }

    /** Rows up to and including this page, plus one when CRM says there is more: what a pager can honestly show. */
    public int rowCountEstimate() {
        return (page - 1) * perPage + rows.size() + (more ? 1 : 0);
    }
}
