package com.zylker.portal.core.zoho.crm;

import java.util.List;

/** A field of a CRM module from {@code GET /settings/fields}: what the screens need to build pickers. */
public record CrmField(String apiName, String label, String dataType, List<CrmPicklistValue> picklistValues) {

    public CrmField {
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    }
}
