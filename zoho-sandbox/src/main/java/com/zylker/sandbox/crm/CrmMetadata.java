package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.data.DealStages;
import com.zylker.sandbox.data.Module;
import com.zylker.sandbox.data.OrgData;
import com.zylker.sandbox.data.SeedData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings and org metadata CRM serves ({@code /settings/fields}, {@code /settings/layouts},
 * {@code /settings/pipeline}, {@code /org}), generated from the same constants the records use, so the
 * metadata and the data cannot disagree (a Stage's probability is {@link DealStages}' in both).
 */
final class CrmMetadata {

    private record Field(String apiName, String label, String dataType, String jsonType, boolean mandatory,
                         boolean custom, Integer length, List<String> values) {
    }

    private static final List<String> SYSTEM_FIELDS = List.of("id", "Owner", "Created_Time", "Modified_Time",
            "Created_By", "Modified_By");

    private CrmMetadata() {
    }

    private static List<Field> fieldsOf(Module module) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("Owner", module.apiName().replaceAll("s$", "") + " Owner", "ownerlookup", "jsonobject",
                false, false, null, null));
        switch (module) {
            case DEALS -> {
                f.add(text("Deal_Name", "Deal Name", true, 120));
                f.add(new Field("Stage", "Stage", "picklist", "string", true, false, null,
                        DealStages.PIPELINES.get(DealStages.STANDARD_PIPELINE)));
                f.add(new Field("Pipeline", "Pipeline", "picklist", "string", true, false, null,
                        List.copyOf(DealStages.PIPELINES.keySet())));
                f.add(new Field("Amount", "Amount", "currency", "double", false, false, 16, null));
                f.add(new Field("Closing_Date", "Closing Date", "date", "string", false, false, null, null));
                f.add(new Field("Account_Name", "Account Name", "lookup", "jsonobject", false, false, null, null));
                f.add(new Field("Contact_Name", "Contact Name", "lookup", "jsonobject", false, false, null, null));
                f.add(new Field("Probability", "Probability (%)", "integer", "integer", false, false, 3, null));
                f.add(new Field("Expected_Revenue", "Expected Revenue", "currency", "double", false, false, 16, null));
                f.add(new Field("Type", "Type", "picklist", "string", false, false, null,
                        List.of("-None-", "Existing Business", "New Business")));
                f.add(new Field("Lead_Source", "Lead Source", "picklist", "string", false, false, null,
                        List.of(SeedData.LEAD_SOURCES)));
                f.add(text("Next_Step", "Next Step", false, 100));
                f.add(new Field("Description", "Description", "textarea", "string", false, false, 32000, null));
            }
            case LEADS -> {
                f.add(text("First_Name", "First Name", false, 40));
                f.add(text("Last_Name", "Last Name", true, 80));
                f.add(new Field("Email", "Email", "email", "string", false, false, 100, null));
                f.add(new Field("Phone", "Phone", "phone", "string", false, false, 30, null));
                f.add(text("Company", "Company", false, 200));
                f.add(new Field("Lead_Source", "Lead Source", "picklist", "string", false, false, null,
                        List.of(SeedData.LEAD_SOURCES)));
                f.add(new Field("Lead_Status", "Lead Status", "picklist", "string", false, false, null,
                        List.of(SeedData.LEAD_STATUSES)));
                f.add(new Field("Course_of_Interest", "Course of Interest", "picklist", "string", false, true, null,
                        List.of(SeedData.COURSE_NAMES)));
                f.add(text("City", "City", false, 100));
                f.add(new Field("Description", "Description", "textarea", "string", false, false, 32000, null));
            }
            default -> {
                f.add(text("First_Name", "First Name", false, 40));
                f.add(text("Last_Name", "Last Name", true, 80));
                f.add(new Field("Email", "Email", "email", "string", false, false, 100, null));
                f.add(new Field("Phone", "Phone", "phone", "string", false, false, 30, null));
                f.add(new Field("Account_Name", "Account Name", "lookup", "jsonobject", false, false, null, null));
                f.add(text("Mailing_City", "Mailing City", false, 100));
                f.add(new Field("Lead_Source", "Lead Source", "picklist", "string", false, false, null,
                        List.of(SeedData.LEAD_SOURCES)));
            }
        }
        return f;
    }

    private static Field text(String api, String label, boolean mandatory, int length) {
        return new Field(api, label, "text", "string", mandatory, false, length, null);
    }

    /** Field names COQL accepts for the module: its fields plus the system ones. */
    static Set<String> knownFields(Module module) {
        Set<String> names = new LinkedHashSet<>(SYSTEM_FIELDS);
        fieldsOf(module).forEach(f -> names.add(f.apiName()));
        if (module != Module.DEALS) {
            names.add("Full_Name");
        } else {
            names.add("$process_flow");
        }
        return names;
    }

    static List<Map<String, Object>> fields(OrgData org, Module module) {
        List<Map<String, Object>> out = new ArrayList<>();
        int n = module.ordinal() * 100;
        for (Field f : fieldsOf(module)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("api_name", f.apiName());
            m.put("field_label", f.label());
            m.put("display_label", f.label());
            m.put("data_type", f.dataType());
            m.put("json_type", f.jsonType());
            m.put("system_mandatory", f.mandatory());
            m.put("custom_field", f.custom());
            m.put("length", f.length());
            m.put("visible", true);
            m.put("read_only", f.apiName().equals("Expected_Revenue"));
            m.put("id", org.metadataId(n++));
            List<Map<String, Object>> values = new ArrayList<>();
            if (f.apiName().equals("Stage") && module == Module.DEALS) {
                for (DealStages.Stage s : DealStages.STAGES) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("display_value", s.displayValue());
                    v.put("actual_value", s.actualValue());
                    v.put("sequence_number", s.sequence());
                    v.put("probability", s.probability());
                    v.put("forecast_type", s.forecastType());
                    v.put("id", org.metadataId(500 + s.sequence()));
                    values.add(v);
                }
            } else if (f.values() != null) {
                int seq = 1;
                for (String value : f.values()) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("display_value", value);
                    v.put("actual_value", value);
                    v.put("sequence_number", seq);
                    v.put("id", org.metadataId(n * 20 + seq++));
                    values.add(v);
                }
            }
            m.put("pick_list_values", values);
            out.add(m);
        }
        return out;
    }

    static List<Map<String, Object>> layouts(OrgData org, Module module) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("id", org.layoutId(module));
        layout.put("name", "Standard");
        layout.put("display_label", "Standard");
        layout.put("status", "active");
        layout.put("visible", true);
        return List.of(layout);
    }

    static List<Map<String, Object>> pipelines(OrgData org) {
        List<Map<String, Object>> out = new ArrayList<>();
        int p = 0;
        for (Map.Entry<String, List<String>> pipeline : DealStages.PIPELINES.entrySet()) {
            List<Map<String, Object>> maps = new ArrayList<>();
            int seq = 1;
            for (String stage : pipeline.getValue()) {
                DealStages.Stage s = DealStages.stage(stage).orElseThrow();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("display_value", s.displayValue());
                m.put("actual_value", s.actualValue());
                m.put("sequence_number", seq++);
                m.put("id", org.metadataId(500 + s.sequence()));
                m.put("forecast_category", Map.of("name", s.forecastType().equals("Open") ? "Pipeline"
                        : s.forecastType().equals("Closed Won") ? "Closed" : "Omitted",
                        "id", org.metadataId(600 + s.forecastType().length())));
                maps.add(m);
            }
            Map<String, Object> out1 = new LinkedHashMap<>();
            out1.put("display_value", pipeline.getKey());
            out1.put("actual_value", pipeline.getKey());
            out1.put("default", p == 0);
            out1.put("id", org.metadataId(700 + p++));
            out1.put("maps", maps);
            out.add(out1);
        }
        return out;
    }

    static Map<String, Object> org(OrgData org) {
        boolean eu = org.dc() == DataCenter.EU;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", org.metadataId(900));
        m.put("company_name", eu ? "Zylker Akademie GmbH" : "Zylker Academy");
        m.put("primary_email", eu ? "admin@zylkeracademy.eu" : "admin@zylkeracademy.com");
        m.put("domain_name", eu ? "zylkerakademie" : "zylkeracademy");
        m.put("zgid", Long.toString(org.idBase() / 1_000_000_000L + 7));
        m.put("time_zone", eu ? "Europe/Berlin" : "Asia/Kolkata");
        m.put("currency", eu ? "Euro - EUR" : "US Dollar - USD");
        m.put("currency_symbol", eu ? "€" : "$");
        m.put("iso_code", eu ? "EUR" : "USD");
        m.put("country", eu ? "Germany" : "United States");
        m.put("country_code", eu ? "DE" : "US");
        m.put("type", "production");
        m.put("license_details", Map.of("paid", true, "paid_type", "enterprise", "users_license_purchased", 10));
        return m;
    }

    /** The outside user's own CRM organization: another company, another org id. */
    public static Map<String, Object> outsiderOrg() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "8812345000000000900");
        m.put("company_name", "Northwind Tutors");
        m.put("primary_email", "office@northwind-tutors.example");
        m.put("domain_name", "northwindtutors");
        m.put("zgid", "8812345");
        m.put("time_zone", "Europe/London");
        m.put("currency", "Pound Sterling - GBP");
        m.put("currency_symbol", "£");
        m.put("iso_code", "GBP");
        m.put("country", "United Kingdom");
        m.put("country_code", "GB");
        m.put("type", "production");
        m.put("license_details", Map.of("paid", true, "paid_type", "standard", "users_license_purchased", 3));
        return m;
    }
}
