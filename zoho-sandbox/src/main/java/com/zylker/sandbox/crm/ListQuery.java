package com.zylker.sandbox.crm;

/** The raw query parameters of a CRM list call, as strings: validating them is part of Zoho's behaviour. */
public record ListQuery(String fields, String page, String perPage, String pageToken, String sortBy,
                        String sortOrder) {

    public static ListQuery fields(String fields) {
        return new ListQuery(fields, null, null, null, null, null);
    }

    public ListQuery page(int page, int perPage) {
        return new ListQuery(fields, Integer.toString(page), Integer.toString(perPage), pageToken, sortBy, sortOrder);
    }

    public ListQuery pageToken(String token, int perPage) {
        return new ListQuery(fields, null, Integer.toString(perPage), token, sortBy, sortOrder);
    }

    public ListQuery sort(String by, String order) {
        return new ListQuery(fields, page, perPage, pageToken, by, order);
    }
}
