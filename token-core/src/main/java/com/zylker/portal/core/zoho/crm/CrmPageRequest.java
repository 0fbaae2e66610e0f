package com.zylker.portal.core.zoho.crm;

import java.util.Set;

/**
 * One page of a CRM list. {@code page} only reaches the first 2,000 records; beyond them pass the previous
 * page's {@code nextPageToken} (then {@code page} is not sent, as Zoho forbids both together).
 * {@code sortBy} is {@code id}, {@code Created_Time} or {@code Modified_Time}; {@code sortOrder} {@code asc} or
 * {@code desc}; both optional.
 */
public record CrmPageRequest(int page, int perPage, String pageToken, String sortBy, String sortOrder) {

    public static final int MAX_PER_PAGE = 200;
    private static final Set<String> SORTABLE = Set.of("id", "Created_Time", "Modified_Time");

    public CrmPageRequest {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be between 1 and " + MAX_PER_PAGE + ": " + perPage);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1: " + page);
        }
        if (pageToken != null && pageToken.isBlank()) {
            pageToken = null;
        }
        if (sortBy != null && !SORTABLE.contains(sortBy)) {
            throw new IllegalArgumentException("sortBy must be one of " + SORTABLE + ": " + sortBy);
        }
        if (sortOrder != null && !(sortOrder.equals("asc") || sortOrder.equals("desc"))) {
            throw new IllegalArgumentException("sortOrder must be asc or desc: " + sortOrder);
        }
    }

    public static CrmPageRequest of(int page, int perPage) {
        return new CrmPageRequest(page, perPage, null, null, null);
    }
}
