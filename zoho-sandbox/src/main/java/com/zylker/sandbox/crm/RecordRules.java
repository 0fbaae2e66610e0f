package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.data.DealStages;
import com.zylker.sandbox.data.Module;
import com.zylker.sandbox.data.OrgData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What CRM refuses in a write, record by record, and the per-record result shapes it answers with
 * ({@code {"code", "details", "message", "status"}}): batch size, mandatory fields, field values against the
 * field metadata and pipelines, Blueprint Stage locks and duplicates.
 */
final class RecordRules {

    private RecordRules() {
    }

    static void checkBatch(List<Map<String, Object>> records) {
        if (records == null || records.isEmpty()) {
            throw CrmException.requiredParamMissing("data");
        }
        if (records.size() > CrmService.MAX_RECORDS_PER_WRITE) {
            throw CrmException.limitExceeded("data", CrmService.MAX_RECORDS_PER_WRITE);
        }
    }

    static Optional<Map<String, Object>> missingMandatory(Module module, Map<String, Object> input, int i) {
        for (String f : module.mandatoryFields()) {
            Object v = input.get(f);
            if (v == null || v.toString().isBlank()) {
                return Optional.of(error("MANDATORY_NOT_FOUND", f, i, "required field not found"));
            }
        }
        return Optional.empty();
    }

    /**
     * Field values Zoho would refuse, as INVALID_DATA with {@code api_name}/{@code json_path} and one of
     * {@code expected_data_type}, {@code maximum_length}, {@code supported_values}. {@code existing} is the
     * record being updated (null on insert): a Stage is checked against the Pipeline it will end up in.
     */
    static Optional<Map<String, Object>> validateValues(Module module, Map<String, Object> input,
                                                                Map<String, Object> existing, int i) {
        for (Map.Entry<String, Integer> max : module.maxLengths().entrySet()) {
            Object v = input.get(max.getKey());
            if (v != null && v.toString().length() > max.getValue()) {
                return Optional.of(invalid(max.getKey(), i, "maximum_length", max.getValue()));
            }
        }
        if (input.get("Email") != null && !input.get("Email").toString().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of(invalid("Email", i, "expected_data_type", "email"));
        }
        if (module != Module.DEALS) {
            return Optional.empty();
        }
        if (input.containsKey("Amount") && input.get("Amount") != null && !(input.get("Amount") instanceof Number)) {
            return Optional.of(invalid("Amount", i, "expected_data_type", "double"));
        }
        if (input.get("Closing_Date") != null && !input.get("Closing_Date").toString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.of(invalid("Closing_Date", i, "expected_data_type", "date"));
        }
        if (input.containsKey("Pipeline") && !DealStages.PIPELINES.containsKey(String.valueOf(input.get("Pipeline")))) {
            return Optional.of(invalid("Pipeline", i, "supported_values", List.copyOf(DealStages.PIPELINES.keySet())));
        }
        if (input.containsKey("Stage") || input.containsKey("Pipeline")) {
            Object pipeline = input.containsKey("Pipeline") ? input.get("Pipeline")
                    : existing != null && existing.get("Pipeline") != null ? existing.get("Pipeline")
                    : DealStages.STANDARD_PIPELINE;
            Object stage = input.containsKey("Stage") ? input.get("Stage") : existing == null ? null : existing.get("Stage");
            List<String> allowed = DealStages.PIPELINES.get(String.valueOf(pipeline));
            if (stage != null && !allowed.contains(String.valueOf(stage))) {
                return Optional.of(invalid("Stage", i, "supported_values", allowed));
            }
        }
        return Optional.empty();
    }

    static Map<String, Object> invalid(String field, int i, String detail, Object value) {
        Map<String, Object> result = error("INVALID_DATA", field, i, "invalid data");
        details(result).put(detail, value);
        return result;
    }

    /** A deal in a Blueprint changes Stage only through {@code PUT /Deals/{id}/actions/blueprint}. */
    static Optional<Map<String, Object>> blueprintRefusal(Module module, Map<String, Object> input,
                                                                  Map<String, Object> record, String id) {
        if (module == Module.DEALS && Boolean.TRUE.equals(record.get("$process_flow")) && input.containsKey("Stage")
                && !String.valueOf(input.get("Stage")).equals(String.valueOf(record.get("Stage")))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("id", id);
            details.put("api_name", "Stage");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", "RECORD_IN_BLUEPRINT");
            r.put("details", details);
            r.put("message", "the record is in blueprint; change its Stage through the blueprint transition");
            r.put("status", "error");
            return Optional.of(r);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> result) {
        return (Map<String, Object>) result.get("details");
    }

    static List<Map<String, Object>> matching(OrgData org, Module module, String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        String wanted = value.toString().trim().toLowerCase(Locale.ROOT);
        return org.all(module).stream().filter(e -> e.get(field) != null
                && e.get(field).toString().trim().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    static Optional<Map<String, Object>> duplicateOf(OrgData org, Module module, Map<String, Object> input,
                                                             List<String> dupFields, int i) {
        for (String field : dupFields) {
            List<Map<String, Object>> matches = matching(org, module, field, input.get(field));
            if (matches.isEmpty()) {
                continue;
            }
            Map<String, Object> existing = matches.get(0);
            Map<String, Object> result = error("DUPLICATE_DATA", field, i, "duplicate data");
            Map<String, Object> dup = new LinkedHashMap<>();
            dup.put("id", existing.get("id"));
            dup.put("module", Map.of("api_name", module.apiName(), "id", org.moduleId(module)));
            Map<?, ?> owner = (Map<?, ?>) existing.get("Owner");
            Map<String, Object> ownerOut = new LinkedHashMap<>();
            ownerOut.put("name", owner.get("name"));
            ownerOut.put("id", owner.get("id"));
            ownerOut.put("zuid", DemoUsers.ALL.stream().filter(u -> u.crmUserId().equals(owner.get("id")))
                    .map(u -> Long.toString(u.zuid())).findFirst().orElse(null));
            dup.put("Owner", ownerOut);
            details(result).put("duplicate_record", dup);
            details(result).put("more_records", matches.size() > 1);
            return Optional.of(result);
        }
        return Optional.empty();
    }

    static Map<String, Object> success(String message, Map<String, Object> record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("Modified_Time", record.get("Modified_Time"));
        details.put("Modified_By", record.get("Modified_By"));
        details.put("Created_Time", record.get("Created_Time"));
        details.put("id", record.get("id"));
        details.put("Created_By", record.get("Created_By"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", "SUCCESS");
        r.put("details", details);
        r.put("message", message);
        r.put("status", "success");
        return r;
    }

    static Map<String, Object> error(String code, String field, int index, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("api_name", field);
        details.put("json_path", "$.data[" + index + "]." + field);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("details", details);
        r.put("message", message);
        r.put("status", "error");
        return r;
    }
}
