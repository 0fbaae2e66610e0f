package com.zylker.sandbox.crm;

import java.util.List;
import java.util.Map;

/** One page of records and Zoho's {@code info} block; no records means HTTP 204 with an empty body. */
public record ListResult(List<Map<String, Object>> data, Map<String, Object> info) {

    public boolean isEmpty() {
        return data.isEmpty();
    }
}
