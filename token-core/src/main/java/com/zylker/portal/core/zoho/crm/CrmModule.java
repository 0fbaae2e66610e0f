package com.zylker.portal.core.zoho.crm;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A CRM module as the generic calls of {@link ZohoCrmClient} use it: its API name, the fields to ask for (CRM
 * requires the list; at most 50) and how a record becomes a record type. {@link #DEALS} and {@link #LEADS} are
 * the portal's; {@link #of} makes others.
 */
public final class CrmModule<T> {

    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    public static final CrmModule<Deal> DEALS = new CrmModule<>("Deals",
            "Deal_Name,Stage,Amount,Closing_Date,Account_Name,Owner,Probability,Pipeline,Modified_Time",
            CrmMapping::deal);
    public static final CrmModule<Lead> LEADS = new CrmModule<>("Leads",
            "First_Name,Last_Name,Email,Phone,Company,Lead_Source,Lead_Status,Created_Time",
            CrmMapping::lead);

    private final String apiName;
    private final String fields;
    private final Function<JsonObject, T> mapper;

    private CrmModule(String apiName, String fields, Function<JsonObject, T> mapper) {
        if (!API_NAME.matcher(apiName).matches()) {
            throw new IllegalArgumentException("not a CRM module name");
        }
        if (fields.split(",").length > 50) {
            throw new IllegalArgumentException("CRM returns at most 50 fields");
        }
        this.apiName = apiName;
        this.fields = fields;
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** A module read as flattened text rows (lookups as dotted keys), e.g. for Contacts. */
    public static CrmModule<java.util.Map<String, String>> of(String apiName, String fields) {
        return new CrmModule<>(apiName, fields, CrmMapping::flatRow);
    }

    public String apiName() {
        return apiName;
    }

    public String fields() {
        return fields;
    }

    T map(JsonObject record) {
        return mapper.apply(record);
    }
}
