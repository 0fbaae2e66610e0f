package com.zylker.sandbox.crm;

import java.util.List;
import java.util.Map;

/**
 * Per-record results of a create or update. The HTTP status follows Zoho: all succeeded → 201 (create) or
 * 200 (update), all failed → 400 (412 when every one failed on {@code If-Unmodified-Since}), a mix → 207.
 */
public record WriteResult(List<Map<String, Object>> results, int successStatus) {

    public int httpStatus() {
        long ok = results.stream().filter(r -> "success".equals(r.get("status"))).count();
        if (ok == results.size()) {
            return successStatus;
        }
        if (ok > 0) {
            return 207;
        }
        return results.stream().allMatch(r -> "ALREADY_MODIFIED".equals(r.get("code"))) ? 412 : 400;
    }
}
