package com.zylker.portal.core.zoho.crm;

import java.util.Map;

/**
 * Zoho's per-record outcome of a create or update: {@code code} {@code SUCCESS}, {@code DUPLICATE_DATA},
 * {@code INVALID_DATA}, {@code MANDATORY_NOT_FOUND}, {@code RECORD_IN_BLUEPRINT}, …; {@code status}
 * {@code success} or {@code error}. {@code recordId} is the created or updated record's id (on success).
 * {@code details} is Zoho's details object flattened to text: nested objects become dotted keys, e.g.
 * {@code duplicate_record.id} for the existing lead a duplicate clashes with.
 */
public record CrmWriteResult(String code, String status, String message, String recordId,
                             Map<String, String> details) {

    public CrmWriteResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public boolean succeeded() {
        return "success".equalsIgnoreCase(status);
    }

    public boolean duplicate() {
        return "DUPLICATE_DATA".equals(code);
    }
}
