package com.zylker.portal.core.zoho.crm;

import java.util.List;
import java.util.Map;

/**
 * Rows of a COQL query. Each row maps the selected field names to text; lookups come as dotted keys
 * ({@code Owner.id}, {@code Owner.name}), as in {@link CrmWriteResult#details()}. Empty for CRM's 204.
 */
public record CoqlPage(List<Map<String, String>> rows, boolean moreRecords) {

    public CoqlPage {
        rows = rows == null ? List.of() : rows.stream().map(Map::copyOf).toList();
    }

    public static CoqlPage empty() {
        return new CoqlPage(List.of(), false);
    }
}
