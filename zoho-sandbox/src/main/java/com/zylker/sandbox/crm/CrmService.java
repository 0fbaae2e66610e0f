package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.data.DealStages;
import com.zylker.sandbox.data.Module;
import com.zylker.sandbox.data.OrgData;
import com.zylker.sandbox.data.SeedData;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CRM v8 record operations over each DC's org, with Zoho's rules: {@code fields} required (≤ 50),
 * {@code per_page} ≤ 200, {@code page} only within the first 2,000 records and {@code page_token} beyond,
 * projections of exactly the requested fields, per-record write results and duplicate checks.
 * Access to an org is serialised on the org object; a reset swaps in fresh orgs.
 */
public final class CrmService {

    public static final int MAX_FIELDS = 50;
    public static final int MAX_PER_PAGE = 200;
    public static final int PAGE_LIMIT_RECORDS = 2_000;
    public static final int MAX_RECORDS_PER_WRITE = 100;
    public static final int MAX_BULK = 20_000;
    public static final Duration PAGE_TOKEN_LIFETIME = Duration.ofDays(1);

    private static final Set<String> SORTABLE = Set.of("id", "Created_Time", "Modified_Time");
    private static final Set<String> READ_ONLY = Set.of("id", "Created_Time", "Modified_Time", "Created_By",
            "Modified_By");

    private final Clock clock;
    private final Map<DataCenter, OrgData> orgs = new EnumMap<>(DataCenter.class);

    public CrmService(Clock clock) {
        this.clock = clock;
        reset();
    }

    public synchronized void reset() {
        for (DataCenter dc : DataCenter.values()) {
            orgs.put(dc, SeedData.orgFor(dc));
        }
    }

    private synchronized OrgData org(DataCenter dc) {
        return orgs.get(dc);
    }

    public ListResult list(DataCenter dc, Module module, ListQuery q) {
        List<String> fields = parseFields(q.fields());
        int perPage = parseInt(q.perPage(), "per_page", MAX_PER_PAGE);
        if (perPage < 1) {
            throw CrmException.invalidParam("per_page", "per_page must be at least 1");
        }
        if (perPage > MAX_PER_PAGE) {
            throw CrmException.limitExceeded("per_page", MAX_PER_PAGE);
        }
        String sortBy = q.sortBy() == null ? "id" : q.sortBy();
        String sortOrder = q.sortOrder() == null ? "desc" : q.sortOrder().toLowerCase(Locale.ROOT);
        int offset;
        if (q.pageToken() != null) {
            if (q.page() != null) {
                throw CrmException.invalidParam("page", "page and page_token cannot be given together");
            }
            PageToken token = PageToken.decode(q.pageToken(), dc, module)
                    .orElseThrow(() -> CrmException.invalidParam("page_token", "the page_token given is invalid"));
            if (!clock.instant().isBefore(token.expiresAt())) {
                throw CrmException.invalidParam("page_token", "the page_token given has expired");
            }
            offset = token.offset();
            sortBy = token.sortBy();
            sortOrder = token.sortOrder();
        } else {
            int page = parseInt(q.page(), "page", 1);
            if (page < 1) {
                throw CrmException.invalidParam("page", "page must be at least 1");
            }
            if ((long) page * perPage > PAGE_LIMIT_RECORDS) {
                throw new CrmException(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                        Map.of("limit", PAGE_LIMIT_RECORDS),
                        "Cannot fetch records beyond 2000 with the page parameter; use page_token instead");
            }
            offset = (page - 1) * perPage;
        }
        if (!SORTABLE.contains(sortBy)) {
            throw CrmException.invalidParam("sort_by", "sort_by must be one of id, Created_Time, Modified_Time");
        }
        if (!sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            throw CrmException.invalidParam("sort_order", "sort_order must be asc or desc");
        }

        OrgData org = org(dc);
        List<Map<String, Object>> page = new ArrayList<>();
        int to;
        boolean more;
        // Sorting and projecting under the org's lock: a concurrent PUT must not change a record mid-copy.
        synchronized (org) {
            List<Map<String, Object>> all = org.all(module);
            all.sort(comparator(sortBy, sortOrder));
            int from = Math.min(offset, all.size());
            to = Math.min(from + perPage, all.size());
            for (Map<String, Object> r : all.subList(from, to)) {
                page.add(project(r, fields));
            }
            more = to < all.size();
        }
        Instant expiry = clock.instant().plus(PAGE_TOKEN_LIFETIME);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("per_page", perPage);
        info.put("count", page.size());
        info.put("page", offset / perPage + 1);
        info.put("sort_by", sortBy);
        info.put("sort_order", sortOrder);
        info.put("more_records", more);
        info.put("next_page_token", more ? new PageToken(dc, module, sortBy, sortOrder, to, expiry).encode() : null);
        info.put("previous_page_token", offset > 0
                ? new PageToken(dc, module, sortBy, sortOrder, Math.max(0, offset - perPage), expiry).encode() : null);
        info.put("page_token_expiry", more || offset > 0 ? SeedData.ZOHO_DATE_TIME.format(expiry) : null);
        return new ListResult(page, info);
    }

    public Optional<Map<String, Object>> get(DataCenter dc, Module module, String id, String fields) {
        List<String> wanted = fields == null || fields.isBlank() ? null : parseFields(fields);
        OrgData org = org(dc);
        synchronized (org) {
            return org.find(module, id).map(r -> wanted == null ? new LinkedHashMap<>(r) : project(r, wanted));
        }
    }

    /** {@code PUT /{module}} or {@code PUT /{module}/{id}} (then {@code pathId} fills in a missing id). */
    public WriteResult update(DataCenter dc, Module module, List<Map<String, Object>> records, String pathId,
                              DemoUser actor) {
        checkBatch(records);
        OrgData org = org(dc);
        List<Map<String, Object>> results = new ArrayList<>();
        synchronized (org) {
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> input = records.get(i);
                Object idValue = input.get("id") != null ? input.get("id") : pathId;
                String id = idValue == null ? null : idValue.toString();
                if (id == null) {
                    results.add(error("MANDATORY_NOT_FOUND", "id", i, "required field not found"));
                    continue;
                }
                Optional<Map<String, Object>> found = org.find(module, id);
                if (found.isEmpty()) {
                    results.add(error("INVALID_DATA", "id", i, "the id given seems to be invalid"));
                    continue;
                }
                Optional<Map<String, Object>> invalid = validateValues(module, input, i);
                if (invalid.isPresent()) {
                    results.add(invalid.get());
                    continue;
                }
                Map<String, Object> record = found.get();
                input.forEach((k, v) -> {
                    if (!READ_ONLY.contains(k)) {
                        record.put(k, v);
                    }
                });
                if (module == Module.DEALS) {
                    recomputeDealFigures(record, input);
                }
                touch(record, actor);
                results.add(success("record updated", record));
            }
        }
        return new WriteResult(results, 200);
    }

    /** {@code POST /{module}}; {@code duplicateCheckFields} compare case-insensitively, batch included. */
    public WriteResult create(DataCenter dc, Module module, List<Map<String, Object>> records,
                              List<String> duplicateCheckFields, DemoUser actor) {
        checkBatch(records);
        List<String> dupFields = duplicateCheckFields == null ? List.of() : duplicateCheckFields;
        OrgData org = org(dc);
        List<Map<String, Object>> results = new ArrayList<>();
        synchronized (org) {
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> input = records.get(i);
                int index = i;
                Optional<Map<String, Object>> failure = missingMandatory(module, input, index)
                        .or(() -> validateValues(module, input, index))
                        .or(() -> duplicateOf(org, module, input, dupFields, index));
                if (failure.isPresent()) {
                    results.add(failure.get());
                    continue;
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", org.nextId(module));
                record.put("Owner", SeedData.ownerLookup(ownerOf(input, dc).orElse(actor)));
                String now = SeedData.ZOHO_DATE_TIME.format(clock.instant());
                record.put("Created_Time", now);
                record.put("Created_By", SeedData.userLookup(actor));
                input.forEach((k, v) -> {
                    if (!READ_ONLY.contains(k) && !"Owner".equals(k)) {
                        record.put(k, v);
                    }
                });
                if (module != Module.DEALS) {
                    String first = input.get("First_Name") == null ? "" : input.get("First_Name") + " ";
                    record.put("Full_Name", first + input.get("Last_Name"));
                } else {
                    recomputeDealFigures(record, input);
                }
                touch(record, actor);
                org.add(module, record);
                results.add(success("record added", record));
            }
        }
        return new WriteResult(results, 201);
    }

    /** Adds generated leads (e.g. past 2,000, to exercise {@code page_token}); returns the new total. */
    public int addBulkLeads(DataCenter dc, int count) {
        if (count < 1 || count > MAX_BULK) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_BULK);
        }
        OrgData org = org(dc);
        synchronized (org) {
            SeedData.addBulkLeads(org, count);
            return org.count(Module.LEADS);
        }
    }

    public Map<String, Object> counts() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DataCenter dc : DataCenter.values()) {
            OrgData org = org(dc);
            Map<String, Object> perModule = new LinkedHashMap<>();
            synchronized (org) {
                for (Module m : Module.values()) {
                    perModule.put(m.apiName(), org.count(m));
                }
            }
            out.put(dc.id(), perModule);
        }
        return out;
    }

    /** {@code GET /users?type=…}: the org's users in Zoho's user shape. */
    public List<Map<String, Object>> users(DataCenter dc, String type, DemoUser actor) {
        List<DemoUser> users;
        if (type == null || type.equals("AllUsers") || type.equals("ActiveUsers")) {
            users = DemoUsers.of(dc);
        } else if (type.equals("CurrentUser")) {
            users = List.of(actor);
        } else if (type.equals("AdminUsers")) {
            users = DemoUsers.of(dc).stream().filter(u -> u.profile().equals("Administrator")).toList();
        } else {
            throw CrmException.invalidParam("type", "the type given seems to be invalid");
        }
        return users.stream().map(CrmService::userView).toList();
    }

    private static Map<String, Object> userView(DemoUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.crmUserId());
        m.put("first_name", u.firstName());
        m.put("last_name", u.lastName());
        m.put("full_name", u.displayName());
        m.put("email", u.email());
        m.put("zuid", Long.toString(u.zuid()));
        m.put("role", Map.of("name", u.role(), "id", u.crmUserId().substring(0, 13) + "100" + u.role().length()));
        m.put("profile", Map.of("name", u.profile(), "id", u.crmUserId().substring(0, 13) + "200" + u.profile().length()));
        m.put("status", "active");
        m.put("confirm", true);
        return m;
    }

    private static List<String> parseFields(String fields) {
        if (fields == null || fields.isBlank()) {
            throw CrmException.requiredParamMissing("fields");
        }
        List<String> list = Arrays.stream(fields.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (list.isEmpty()) {
            throw CrmException.requiredParamMissing("fields");
        }
        if (list.size() > MAX_FIELDS) {
            throw CrmException.limitExceeded("fields", MAX_FIELDS);
        }
        return list;
    }

    private static int parseInt(String value, String param, int dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw CrmException.invalidParam(param, param + " must be a number");
        }
    }

    /** Only the requested fields, plus id — unknown field names are left out rather than invented. */
    private static Map<String, Object> project(Map<String, Object> record, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", record.get("id"));
        for (String f : fields) {
            if (record.containsKey(f)) {
                out.put(f, record.get(f));
            }
        }
        return out;
    }

    private static Comparator<Map<String, Object>> comparator(String sortBy, String order) {
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> Long.parseLong((String) r.get("id")));
        Comparator<Map<String, Object>> c = sortBy.equals("id") ? byId
                : Comparator.<Map<String, Object>, String>comparing(r -> String.valueOf(r.get(sortBy))).thenComparing(byId);
        return order.equals("desc") ? c.reversed() : c;
    }

    private static void checkBatch(List<Map<String, Object>> records) {
        if (records == null || records.isEmpty()) {
            throw CrmException.requiredParamMissing("data");
        }
        if (records.size() > MAX_RECORDS_PER_WRITE) {
            throw CrmException.limitExceeded("data", MAX_RECORDS_PER_WRITE);
        }
    }

    private static Optional<Map<String, Object>> missingMandatory(Module module, Map<String, Object> input, int i) {
        for (String f : module.mandatoryFields()) {
            Object v = input.get(f);
            if (v == null || v.toString().isBlank()) {
                return Optional.of(error("MANDATORY_NOT_FOUND", f, i, "required field not found"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, Object>> validateValues(Module module, Map<String, Object> input, int i) {
        if (module == Module.DEALS && input.containsKey("Stage")
                && DealStages.probabilityOf(String.valueOf(input.get("Stage"))).isEmpty()) {
            Map<String, Object> result = error("INVALID_DATA", "Stage", i, "invalid data");
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) result.get("details");
            details.put("expected_data_type", "picklist");
            return Optional.of(result);
        }
        return Optional.empty();
    }

    private static Optional<Map<String, Object>> duplicateOf(OrgData org, Module module, Map<String, Object> input,
                                                             List<String> dupFields, int i) {
        for (String field : dupFields) {
            Object v = input.get(field);
            if (v == null || v.toString().isBlank()) {
                continue;
            }
            String wanted = v.toString().trim().toLowerCase(Locale.ROOT);
            for (Map<String, Object> existing : org.all(module)) {
                Object e = existing.get(field);
                if (e != null && e.toString().trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                    Map<String, Object> result = error("DUPLICATE_DATA", field, i, "duplicate data");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> details = (Map<String, Object>) result.get("details");
                    details.put("more_records", false);
                    Map<String, Object> dup = new LinkedHashMap<>();
                    dup.put("id", existing.get("id"));
                    dup.put("module", Map.of("api_name", module.apiName()));
                    dup.put("Owner", existing.get("Owner"));
                    details.put("duplicate_record", dup);
                    return Optional.of(result);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<DemoUser> ownerOf(Map<String, Object> input, DataCenter dc) {
        if (input.get("Owner") instanceof Map<?, ?> owner && owner.get("id") != null) {
            String id = owner.get("id").toString();
            return DemoUsers.of(dc).stream().filter(u -> u.crmUserId().equals(id)).findFirst();
        }
        return Optional.empty();
    }

    /** A Stage change moves Probability with it (unless given) and Expected_Revenue follows, as in Zoho. */
    private static void recomputeDealFigures(Map<String, Object> record, Map<String, Object> input) {
        if (input.containsKey("Stage") && !input.containsKey("Probability")) {
            record.put("Probability", DealStages.PROBABILITY.get(String.valueOf(record.get("Stage"))));
        }
        if (record.get("Amount") instanceof Number amount && record.get("Probability") instanceof Number p) {
            double revenue = amount.doubleValue() * p.doubleValue() / 100.0;
            record.put("Expected_Revenue", revenue == Math.rint(revenue) ? (Object) (long) revenue : revenue);
        }
    }

    private void touch(Map<String, Object> record, DemoUser actor) {
        record.put("Modified_Time", SeedData.ZOHO_DATE_TIME.format(clock.instant()));
        record.put("Modified_By", SeedData.userLookup(actor));
    }

    private static Map<String, Object> success(String message, Map<String, Object> record) {
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

    private static Map<String, Object> error(String code, String field, int index, String message) {
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

    /**
     * Opaque cursor for {@code page_token}: where the next page starts, under which sort, until when.
     * Stateless, so it survives nothing but also needs no cleanup; a reset does not invalidate it.
     */
    record PageToken(DataCenter dc, Module module, String sortBy, String sortOrder, int offset, Instant expiresAt) {

        String encode() {
            String raw = String.join("|", dc.id(), module.apiName(), sortBy, sortOrder, Integer.toString(offset),
                    Long.toString(expiresAt.getEpochSecond()));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<PageToken> decode(String token, DataCenter dc, Module module) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 6 || !parts[0].equals(dc.id()) || !parts[1].equals(module.apiName())) {
                    return Optional.empty();
                }
                return Optional.of(new PageToken(dc, module, parts[2], parts[3], Integer.parseInt(parts[4]),
                        Instant.ofEpochSecond(Long.parseLong(parts[5]))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
