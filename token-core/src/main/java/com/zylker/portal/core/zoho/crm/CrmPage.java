package com.zylker.portal.core.zoho.crm;

import java.util.List;

/** One page of CRM records with Zoho's paging info. {@link #empty()} stands for Zoho's "204 No Content". */
public record CrmPage<T>(List<T> records, int page, int perPage, boolean moreRecords, String nextPageToken) {

    public CrmPage {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** No records and no paging info (page and perPage 0). */
    public static <T> CrmPage<T> empty() {
        return new CrmPage<>(List.of(), 0, 0, false, null);
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
