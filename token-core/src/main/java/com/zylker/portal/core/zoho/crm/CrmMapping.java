package com.zylker.portal.core.zoho.crm;

import com.zylker.portal.core.zoho.http.ZohoJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CRM's records (untrusted JSON) into the public record types. Text is taken as it comes — the pages escape
 * it — but numbers, dates and ids must parse, else the answer is refused as a protocol failure.
 */
final class CrmMapping {

    private CrmMapping() {
    }

    static Deal deal(JsonObject d) {
        BigDecimal probability = number(d.get("Probability"), "Probability");
        JsonValue owner = d.get("Owner");
        return new Deal(id(d.get("id")), text(d, "Deal_Name"), text(d, "Stage"), number(d.get("Amount"), "Amount"),
                date(text(d, "Closing_Date"), "Closing_Date"),
                ZohoJson.lookupName(d.get("Account_Name")), ZohoJson.lookupName(owner),
                ZohoJson.lookupField(owner, "email"),
                probability == null ? null : probability.setScale(0, RoundingMode.HALF_UP).intValue(),
                ZohoJson.lookupField(owner, "id"), text(d, "Currency"), ZohoJson.lookupName(d.get("Pipeline")),
                instant(text(d, "Modified_Time"), "Modified_Time"));
    }

    static Lead lead(JsonObject l) {
        return new Lead(id(l.get("id")), text(l, "First_Name"), text(l, "Last_Name"), text(l, "Email"),
                text(l, "Phone"), text(l, "Company"), text(l, "Lead_Source"), text(l, "Lead_Status"),
                instant(text(l, "Created_Time"), "Created_Time"));
    }

    static Map<String, String> flatRow(JsonObject row) {
        return ZohoJson.flatten(row);
    }

    static <T> List<T> records(JsonValue data, CrmModule<T> module) {
        if (data == null || data == JsonValue.NULL) {
            return List.of();
        }
        if (!(data instanceof JsonArray array)) {
            throw protocol("data is not a list");
        }
        List<T> out = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            if (!(v instanceof JsonObject o)) {
                throw protocol("a record is not an object");
            }
            out.add(module.map(o));
        }
        return out;
    }

    static List<CrmField> fields(JsonValue fields) {
        List<CrmField> out = new ArrayList<>();
        if (!(fields instanceof JsonArray array)) {
            throw protocol("fields is not a list");
        }
        for (JsonValue v : array) {
            if (!(v instanceof JsonObject f)) {
                continue;
            }
            List<CrmPicklistValue> values = new ArrayList<>();
            if (f.get("pick_list_values") instanceof JsonArray picks) {
                for (JsonValue p : picks) {
                    if (p instanceof JsonObject o) {
                        BigDecimal seq = number(o.get("sequence_number"), "sequence_number");
                        BigDecimal prob = number(o.get("probability"), "probability");
                        values.add(new CrmPicklistValue(ZohoJson.text(o.get("display_value")),
                                ZohoJson.text(o.get("actual_value")), seq == null ? null : seq.intValue(),
                                prob == null ? null : prob.setScale(0, RoundingMode.HALF_UP).intValue(),
                                ZohoJson.lookupName(o.get("forecast_type"))));
                    }
                }
            }
            String apiName = ZohoJson.text(f.get("api_name"));
            if (apiName != null) {
                out.add(new CrmField(apiName, ZohoJson.text(f.get("field_label")), ZohoJson.text(f.get("data_type")),
                        values));
            }
        }
        return out;
    }

    static CrmOrg org(JsonValue orgs) {
        if (!(orgs instanceof JsonArray array) || array.isEmpty() || !(array.get(0) instanceof JsonObject o)) {
            throw protocol("the answer has no organization");
        }
        String id = ZohoJson.text(o.get("id"));
        if (id == null || id.isBlank()) {
            throw protocol("the organization has no id");
        }
        // CRM names the currency "US Dollar - USD" and gives the ISO code beside it as iso_code.
        JsonValue currency = o.get("currency");
        String currencyCode = ZohoJson.text(o.get("iso_code"));
        if (currencyCode == null) {
            String text = currency instanceof JsonObject c ? ZohoJson.text(c.get("iso_code")) : ZohoJson.text(currency);
            java.util.regex.Matcher code = text == null ? null : java.util.regex.Pattern.compile("\\b([A-Z]{3})\\s*$").matcher(text);
            currencyCode = code != null && code.find() ? code.group(1) : text;
        }
        return new CrmOrg(id, ZohoJson.text(o.get("company_name")), ZohoJson.text(o.get("domain_name")),
                ZohoJson.text(o.get("time_zone")), currencyCode);
    }

    static String id(JsonValue id) {
        String text = ZohoJson.text(id);
        if (text == null || text.isBlank()) {
            throw protocol("a record has no id");
        }
        return text;
    }

    private static String text(JsonObject o, String field) {
        return ZohoJson.text(o.get(field));
    }

    private static BigDecimal number(JsonValue v, String field) {
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        String text = ZohoJson.text(v);
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw protocol(field + " is not a number");
        }
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw protocol(field + " is not a date");
        }
    }

    /** CRM writes times with an offset ({@code 2025-01-06T09:00:00+05:30}). */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw protocol(field + " is not a date-time");
        }
    }

    /** An answer that does not have the documented shape; the client adds which call it was. */
    static final class Unexpected extends RuntimeException {
        Unexpected(String message) {
            super(message);
        }
    }

    static Unexpected protocol(String what) {
        return new Unexpected(what);
    }
}
