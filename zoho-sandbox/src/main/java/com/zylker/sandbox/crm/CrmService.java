package com.zylker.sandbox.crm;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.data.DealStages;
import com.zylker.sandbox.data.Module;
import com.zylker.sandbox.data.OrgData;
import com.zylker.sandbox.data.SeedData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Bulk generation per control call: enough for a 2,500-deal board, bounded so a call cannot stall the server. */
    public static final int MAX_BULK = 10_000;
    /** Records a module may grow to through bulk calls. */
    public static final int MAX_RECORDS_PER_MODULE = 110_000;
    public static final int MAX_TOKEN_RECORDS = 100_000;
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
        LocalDate today = today();
        for (DataCenter dc : DataCenter.values()) {
            orgs.put(dc, SeedData.orgFor(dc, today));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    synchronized OrgData org(DataCenter dc) {
        return orgs.get(dc);
    }

    /** Metadata ids (module, layout) of the DC's org, for the settings endpoints. */
    public OrgData orgOf(DataCenter dc) {
        return org(dc);
    }

    /** Deal ids under a Blueprint (Stage changes refused with RECORD_IN_BLUEPRINT), per DC with any. */
    public Map<String, Object> blueprintDeals() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DataCenter dc : DataCenter.values()) {
            OrgData org = org(dc);
            synchronized (org) {
                List<Object> ids = org.all(Module.DEALS).stream()
                        .filter(d -> Boolean.TRUE.equals(d.get("$process_flow"))).map(d -> d.get("id")).toList();
                if (!ids.isEmpty()) {
                    out.put(dc.id(), ids);
                }
            }
        }
        return out;
    }

    public ListResult list(DataCenter dc, Module module, ListQuery q) {
        return list(dc, module, q, null);
    }

    /** {@code actor} binds the page tokens handed out: another user's token is TOKEN_BOUND_DATA_MISMATCH. */
    public ListResult list(DataCenter dc, Module module, ListQuery q, DemoUser actor) {
        String owner = actor == null ? "-" : Long.toString(actor.zuid());
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
                throw new CrmException(400, "AMBIGUITY_DURING_PROCESSING",
                        Map.of("ambiguity_due_to", List.of("page", "page_token")),
                        "page and page_token cannot be given together");
            }
            PageToken token = PageToken.decode(q.pageToken())
                    .orElseThrow(() -> CrmException.invalidParam("page_token", "the page_token given is invalid"));
            if (!token.dc().equals(dc.id()) || !token.module().equals(module.apiName()) || !token.user().equals(owner)
                    || !token.fields().equals(fieldsKey(fields)) || token.perPage() != perPage) {
                throw new CrmException(400, "TOKEN_BOUND_DATA_MISMATCH", Map.of("param", "page_token"),
                        "the page_token was issued for another user or other parameters");
            }
            if (!clock.instant().isBefore(token.expiresAt())) {
                throw new CrmException(400, "EXPIRED_VALUE", Map.of("param", "page_token"),
                        "the page_token given has expired");
            }
            if (token.offset() >= MAX_TOKEN_RECORDS) {
                throw new CrmException(400, "PAGINATION_LIMIT_EXCEEDED", Map.of("limit", MAX_TOKEN_RECORDS),
                        "cannot fetch more than 100000 records");
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
        String fk = fieldsKey(fields);
        info.put("next_page_token", more
                ? new PageToken(dc.id(), module.apiName(), owner, fk, perPage, sortBy, sortOrder, to, expiry).encode()
                : null);
        info.put("previous_page_token", offset > 0 ? new PageToken(dc.id(), module.apiName(), owner, fk, perPage,
                sortBy, sortOrder, Math.max(0, offset - perPage), expiry).encode() : null);
        info.put("page_token_expiry", more || offset > 0 ? SeedData.ZOHO_DATE_TIME.format(expiry) : null);
        return new ListResult(page, info);
    }

    /**
     * {@code GET /{module}/search}: exactly one of {@code criteria}, {@code email}, {@code phone}, {@code word};
     * {@code fields} optional; pages within the first 2,000 matches only (LIMIT_REACHED beyond).
     */
    public ListResult search(DataCenter dc, Module module, String criteria, String email, String phone, String word,
                             String fields, String pageParam, String perPageParam) {
        java.util.function.Predicate<Map<String, Object>> filter;
        if (criteria != null && !criteria.isBlank()) {
            filter = SearchCriteria.parse(criteria);
        } else if (email != null && !email.isBlank()) {
            String wanted = email.trim().toLowerCase(Locale.ROOT);
            filter = r -> r.get("Email") != null && r.get("Email").toString().toLowerCase(Locale.ROOT).equals(wanted);
        } else if (phone != null && !phone.isBlank()) {
            String digits = phone.replaceAll("\\D", "");
            filter = r -> r.get("Phone") != null && r.get("Phone").toString().replaceAll("\\D", "").contains(digits);
        } else if (word != null && !word.isBlank()) {
            String wanted = word.trim().toLowerCase(Locale.ROOT);
            filter = r -> r.entrySet().stream().anyMatch(e -> !e.getKey().equals("id") && e.getValue() != null
                    && !(e.getValue() instanceof Map) && e.getValue().toString().toLowerCase(Locale.ROOT).contains(wanted));
        } else {
            throw CrmException.requiredParamMissing("criteria");
        }
        List<String> wanted = fields == null || fields.isBlank() ? null : parseFields(fields);
        int perPage = parseInt(perPageParam, "per_page", MAX_PER_PAGE);
        int page = parseInt(pageParam, "page", 1);
        if (perPage < 1 || page < 1) {
            throw CrmException.invalidParam(perPage < 1 ? "per_page" : "page", "must be at least 1");
        }
        if (perPage > MAX_PER_PAGE) {
            throw CrmException.limitExceeded("per_page", MAX_PER_PAGE);
        }
        if ((long) (page - 1) * perPage >= PAGE_LIMIT_RECORDS) {
            throw new CrmException(400, "LIMIT_REACHED", Map.of("limit", PAGE_LIMIT_RECORDS),
                    "search results beyond the first 2000 records cannot be fetched");
        }
        OrgData org = org(dc);
        List<Map<String, Object>> data = new ArrayList<>();
        boolean more;
        synchronized (org) {
            List<Map<String, Object>> hits = org.all(module).stream().filter(filter)
                    .sorted(comparator("id", "desc")).limit(PAGE_LIMIT_RECORDS).toList();
            int from = Math.min((page - 1) * perPage, hits.size());
            int to = Math.min(from + perPage, hits.size());
            hits.subList(from, to).forEach(r -> data.add(wanted == null ? new LinkedHashMap<>(r) : project(r, wanted)));
            more = to < hits.size();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("per_page", perPage);
        info.put("count", data.size());
        info.put("page", page);
        info.put("more_records", more);
        return new ListResult(data, info);
    }

    /** {@code POST /coql}; rows projected to the selected fields (plus id), lookups as {@code {"id"}}. */
    public ListResult coql(DataCenter dc, String selectQuery) {
        Module module = coqlModule(selectQuery);
        Coql.Query q = Coql.parse(selectQuery, CrmMetadata.knownFields(module));
        OrgData org = org(dc);
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean more;
        synchronized (org) {
            List<Map<String, Object>> hits = org.all(q.module()).stream().filter(q.where()).sorted(q.order()).toList();
            int from = Math.min(q.offset(), hits.size());
            int to = Math.min(from + q.limit(), hits.size());
            hits.subList(from, to).forEach(r -> rows.add(Coql.project(r, q.fields())));
            more = to < hits.size();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("count", rows.size());
        info.put("more_records", more);
        return new ListResult(rows, info);
    }

    /** The module named after FROM, for the scope check and the field list; Deals if it cannot be found. */
    public static Module coqlModule(String selectQuery) {
        if (selectQuery == null) {
            return Module.DEALS;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\bfrom\\s+([A-Za-z_]+)").matcher(selectQuery);
        return m.find() ? Module.byApiName(m.group(1)).orElse(Module.DEALS) : Module.DEALS;
    }

    public List<Map<String, Object>> fieldsMetadata(DataCenter dc, Module module) {
        return CrmMetadata.fields(org(dc), module);
    }

    public List<Map<String, Object>> layouts(DataCenter dc, Module module) {
        return CrmMetadata.layouts(org(dc), module);
    }

    /** {@code GET /settings/pipeline?layout_id=…}: only the Deals layout has pipelines. */
    public List<Map<String, Object>> pipelines(DataCenter dc, String layoutId) {
        if (layoutId == null || layoutId.isBlank()) {
            throw CrmException.requiredParamMissing("layout_id");
        }
        OrgData org = org(dc);
        if (!org.layoutId(Module.DEALS).equals(layoutId.trim())) {
            throw CrmException.invalidParam("layout_id", "the layout_id given seems to be invalid");
        }
        return CrmMetadata.pipelines(org);
    }

    public Map<String, Object> orgInfo(DataCenter dc) {
        return CrmMetadata.org(org(dc));
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
        return update(dc, module, records, pathId, actor, null);
    }

    /**
     * As {@link #update(DataCenter, Module, List, String, DemoUser)}; with {@code unmodifiedSince} (the
     * {@code If-Unmodified-Since} header) a record changed after that instant is refused with ALREADY_MODIFIED.
     */
    public WriteResult update(DataCenter dc, Module module, List<Map<String, Object>> records, String pathId,
                              DemoUser actor, Instant unmodifiedSince) {
        RecordRules.checkBatch(records);
        OrgData org = org(dc);
        List<Map<String, Object>> results = new ArrayList<>();
        synchronized (org) {
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> input = records.get(i);
                Object idValue = input.get("id") != null ? input.get("id") : pathId;
                String id = idValue == null ? null : idValue.toString();
                if (id == null) {
                    results.add(RecordRules.error("MANDATORY_NOT_FOUND", "id", i, "required field not found"));
                    continue;
                }
                Optional<Map<String, Object>> found = org.find(module, id);
                if (found.isEmpty()) {
                    results.add(RecordRules.error("INVALID_DATA", "id", i, "the id given seems to be invalid"));
                    continue;
                }
                Map<String, Object> record = found.get();
                if (unmodifiedSince != null && modifiedTime(record).isAfter(unmodifiedSince)) {
                    Map<String, Object> failure = RecordRules.error("ALREADY_MODIFIED", "id", i,
                            "the record was modified after the time given in If-Unmodified-Since");
                    RecordRules.details(failure).put("id", id);
                    RecordRules.details(failure).put("Modified_Time", record.get("Modified_Time"));
                    results.add(failure);
                    continue;
                }
                Optional<Map<String, Object>> refused = RecordRules.validateValues(module, input, record, i)
                        .or(() -> RecordRules.blueprintRefusal(module, input, record, id));
                if (refused.isPresent()) {
                    results.add(refused.get());
                    continue;
                }
                apply(module, record, input, actor);
                results.add(RecordRules.success("record updated", record));
            }
        }
        return new WriteResult(results, 200);
    }

    /** {@code POST /{module}}; {@code duplicateCheckFields} compare case-insensitively, batch included. */
    public WriteResult create(DataCenter dc, Module module, List<Map<String, Object>> records,
                              List<String> duplicateCheckFields, DemoUser actor) {
        RecordRules.checkBatch(records);
        // Plain insert always checks the module's unique fields (Leads' Email is a system duplicate check).
        List<String> dupFields = new ArrayList<>(module.uniqueFields());
        if (duplicateCheckFields != null) {
            duplicateCheckFields.stream().filter(f -> !dupFields.contains(f)).forEach(dupFields::add);
        }
        OrgData org = org(dc);
        List<Map<String, Object>> results = new ArrayList<>();
        synchronized (org) {
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> input = records.get(i);
                int index = i;
                Optional<Map<String, Object>> failure = RecordRules.missingMandatory(module, input, index)
                        .or(() -> RecordRules.validateValues(module, input, null, index))
                        .or(() -> RecordRules.duplicateOf(org, module, input, dupFields, index));
                if (failure.isPresent()) {
                    results.add(failure.get());
                    continue;
                }
                results.add(RecordRules.success("record added", insert(org, module, input, dc, actor)));
            }
        }
        return new WriteResult(results, 201);
    }

    /**
     * {@code POST /{module}/upsert}: a record matching one of {@code duplicateCheckFields} (in order; the
     * module's unique fields by default) is updated, any other inserted. Each result carries
     * {@code action} and {@code duplicate_field}.
     */
    public WriteResult upsert(DataCenter dc, Module module, List<Map<String, Object>> records,
                              List<String> duplicateCheckFields, DemoUser actor) {
        RecordRules.checkBatch(records);
        List<String> dupFields = duplicateCheckFields == null || duplicateCheckFields.isEmpty()
                ? module.upsertFields() : duplicateCheckFields;
        OrgData org = org(dc);
        List<Map<String, Object>> results = new ArrayList<>();
        boolean allInserts = true;
        synchronized (org) {
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> input = records.get(i);
                int index = i;
                String matchedField = null;
                Map<String, Object> existing = null;
                for (String field : dupFields) {
                    List<Map<String, Object>> matches = RecordRules.matching(org, module, field, input.get(field));
                    if (!matches.isEmpty()) {
                        matchedField = field;
                        existing = matches.get(0);
                        break;
                    }
                }
                Map<String, Object> result;
                if (existing != null) {
                    Map<String, Object> record = existing;
                    String id = (String) record.get("id");
                    Optional<Map<String, Object>> refused = RecordRules.validateValues(module, input, record, index)
                            .or(() -> RecordRules.blueprintRefusal(module, input, record, id));
                    if (refused.isPresent()) {
                        result = refused.get();
                    } else {
                        apply(module, record, input, actor);
                        result = RecordRules.success("record updated", record);
                        result.put("action", "update");
                        result.put("duplicate_field", matchedField);
                        allInserts = false;
                    }
                } else {
                    Optional<Map<String, Object>> refused = RecordRules.missingMandatory(module, input, index)
                            .or(() -> RecordRules.validateValues(module, input, null, index));
                    if (refused.isPresent()) {
                        result = refused.get();
                    } else {
                        result = RecordRules.success("record added", insert(org, module, input, dc, actor));
                        result.put("action", "insert");
                        result.put("duplicate_field", null);
                    }
                }
                results.add(result);
            }
        }
        return new WriteResult(results, allInserts ? 201 : 200);
    }

    /** {@code GET /Deals/{id}/actions/blueprint}: the transitions open to a deal under the Blueprint. */
    public Map<String, Object> blueprint(DataCenter dc, Module module, String id) {
        OrgData org = org(dc);
        synchronized (org) {
            Map<String, Object> record = blueprintRecord(org, module, id);
            String stage = String.valueOf(record.get("Stage"));
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("id", org.metadataId(800));
            process.put("name", "Enrolment Blueprint");
            process.put("field_id", org.metadataId(801));
            process.put("field_label", "Stage");
            process.put("api_name", "Stage");
            process.put("field_value", stage);
            process.put("is_continuous", false);
            List<Map<String, Object>> transitions = new ArrayList<>();
            for (String next : nextStages(stage)) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", transitionId(org, stage, next));
                t.put("name", "Move to " + DealStages.stage(next).map(DealStages.Stage::displayValue).orElse(next));
                t.put("next_field_value", next);
                t.put("fields", List.of());
                transitions.add(t);
            }
            return Map.of("blueprint", Map.of("process_info", process, "transitions", transitions));
        }
    }

    /** {@code PUT /Deals/{id}/actions/blueprint}: moves the deal's Stage along one offered transition. */
    public Map<String, Object> transition(DataCenter dc, Module module, String id, String transitionId,
                                          Map<String, Object> data, DemoUser actor) {
        OrgData org = org(dc);
        synchronized (org) {
            Map<String, Object> record = blueprintRecord(org, module, id);
            String stage = String.valueOf(record.get("Stage"));
            String next = nextStages(stage).stream().filter(n -> transitionId(org, stage, n).equals(transitionId))
                    .findFirst().orElseThrow(() -> CrmException.invalidParam("transition_id",
                            "the transition_id given is not open for this record"));
            Map<String, Object> input = new LinkedHashMap<>(data == null ? Map.of() : data);
            input.put("Stage", next);
            apply(module, record, input, actor);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", "SUCCESS");
            r.put("details", Map.of());
            r.put("message", "transition updated successfully");
            r.put("status", "success");
            return r;
        }
    }

    private static Map<String, Object> blueprintRecord(OrgData org, Module module, String id) {
        Map<String, Object> record = org.find(module, id).orElseThrow(() ->
                CrmException.invalidParam("id", "the id given seems to be invalid"));
        if (!Boolean.TRUE.equals(record.get("$process_flow"))) {
            throw new CrmException(400, "RECORD_NOT_IN_PROCESS", Map.of("id", id), "the record is not in a blueprint");
        }
        return record;
    }

    /** The next stage of the Standard pipeline, and losing the deal; none once closed. */
    private static List<String> nextStages(String stage) {
        List<String> stages = DealStages.PIPELINES.get(DealStages.STANDARD_PIPELINE);
        int at = stages.indexOf(stage);
        if (!DealStages.isOpen(stage) || at < 0) {
            return List.of();
        }
        return List.of(stages.get(at + 1), "Closed Lost").stream().distinct().toList();
    }

    private static String transitionId(OrgData org, String from, String to) {
        return org.metadataId(1_000 + DealStages.stage(from).orElseThrow().sequence() * 10
                + DealStages.stage(to).orElseThrow().sequence());
    }

    private Map<String, Object> insert(OrgData org, Module module, Map<String, Object> input, DataCenter dc,
                                       DemoUser actor) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", org.nextId(module));
        record.put("Owner", SeedData.ownerLookup(ownerOf(input, dc).orElse(actor)));
        record.put("Created_Time", SeedData.ZOHO_DATE_TIME.format(clock.instant()));
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
            record.putIfAbsent("$process_flow", false);
            recomputeDealFigures(record, input);
        }
        touch(record, actor);
        org.add(module, record);
        return record;
    }

    private void apply(Module module, Map<String, Object> record, Map<String, Object> input, DemoUser actor) {
        input.forEach((k, v) -> {
            if (!READ_ONLY.contains(k) && !k.startsWith("$")) {
                record.put(k, v);
            }
        });
        if (module == Module.DEALS) {
            recomputeDealFigures(record, input);
        } else if (input.containsKey("First_Name") || input.containsKey("Last_Name")) {
            String first = record.get("First_Name") == null ? "" : record.get("First_Name") + " ";
            record.put("Full_Name", first + record.get("Last_Name"));
        }
        touch(record, actor);
    }

    private static Instant modifiedTime(Map<String, Object> record) {
        return java.time.OffsetDateTime.parse(String.valueOf(record.get("Modified_Time"))).toInstant();
    }

    /** Adds generated leads (e.g. past 2,000, to exercise {@code page_token}); returns the new total. */
    public int addBulkLeads(DataCenter dc, int count) {
        checkBulk(count);
        OrgData org = org(dc);
        synchronized (org) {
            if (org.count(Module.LEADS) + count > MAX_RECORDS_PER_MODULE) {
                throw new IllegalArgumentException("Leads may grow to " + MAX_RECORDS_PER_MODULE + " records");
            }
            SeedData.addBulkLeads(org, count);
            return org.count(Module.LEADS);
        }
    }

    /** Adds generated deals (e.g. for a 2,500-deal board benchmark); returns the new total. */
    public int addBulkDeals(DataCenter dc, int count) {
        checkBulk(count);
        OrgData org = org(dc);
        synchronized (org) {
            if (org.count(Module.DEALS) + count > MAX_RECORDS_PER_MODULE) {
                throw new IllegalArgumentException("Deals may grow to " + MAX_RECORDS_PER_MODULE + " records");
            }
            SeedData.addBulkDeals(org, count, today());
            return org.count(Module.DEALS);
        }
    }

    private static void checkBulk(int count) {
        if (count < 1 || count > MAX_BULK) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_BULK);
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

    static Map<String, Object> userView(DemoUser u) {
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
        m.put("time_zone", u.timeZone());
        m.put("locale", u.dc() == DataCenter.EU ? "de_DE" : "en_US");
        m.put("country_locale", u.dc() == DataCenter.EU ? "de_DE" : "en_US");
        m.put("language", u.dc() == DataCenter.EU ? "de_DE" : "en_US");
        return m;
    }

    public static List<String> parseFieldList(String fields) {
        return parseFields(fields);
    }

    static Map<String, Object> projectRecord(Map<String, Object> record, List<String> fields) {
        return project(record, fields);
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

    private static String fieldsKey(List<String> fields) {
        return Integer.toHexString(String.join(",", fields).hashCode());
    }
}
