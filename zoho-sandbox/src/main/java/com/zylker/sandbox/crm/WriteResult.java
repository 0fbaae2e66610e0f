package com.zylker.sandbox.crm;

import java.util.List;
import java.util.Map;

/**
 * Per-record results of a create or update. The HTTP status follows Zoho: all succeeded → 201 (create) or
 * 200 (update), all failed → 400, a mix → 207 Multi-Status.
 */
public record WriteResult(List<Map<String, Object>> results, int successStatus) {

    public int httpStatus() {
        long ok = results.stream().filter(r -> "success".equals(r.get("status"))).count();
        if (ok == results.size()) {
            return successStatus;
        }
        return ok == 0 ? 400 : 207;
    }
}
