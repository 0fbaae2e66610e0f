package com.zylker.portal.core.zoho.crm;

import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoJson;
import com.zylker.portal.core.zoho.http.ZohoProduct;
import com.zylker.portal.core.zoho.http.ZohoRequest;
import com.zylker.portal.core.zoho.http.ZohoResponse;
import com.zylker.portal.core.zoho.http.ZohoTransport;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoho CRM v8's endpoints for the portal: one generic list / get / search / create / update / upsert over any
 * {@link CrmModule}, COQL, field metadata, the organization and the current user. Every call goes through
 * {@link ZohoApiCalls} (bearer token, one renewal on {@code INVALID_TOKEN}, 429 / timeouts / 5xx); what
 * remains here is CRM's own envelope: 204 as "no records", per-record write outcomes as
 * {@link CrmWriteResult}s (duplicate, invalid data, Blueprint, 412 already modified), errors as
 * {@link ZohoApiException}s via {@link CrmErrors}.
 *
 * <pre>{@code
 * CrmPage<Lead> page = crm.list(user, CrmModule.LEADS, new CrmPageRequest(1, 50, null, "Created_Time", "desc"));
 * CoqlPage rows = crm.coql(user, "select Stage, Amount from Deals where Stage != 'Closed Won' limit 200");
 * CrmWriteResult r = crm.createLead(user, new NewLead("Ana", "Silva", "ana@example.org", null, null, "Web", null));
 * }</pre>
 */
public final class ZohoCrmClient {

    private static final String BASE = "/crm/v8/";
    /** Zoho record ids are numeric; anything else must not reach the URL path. */
    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,40}");
    private static final int MAX_STAGE_LENGTH = 120;
    private static final int MAX_COQL_LENGTH = 10_000;
    /** Statuses whose body carries per-record outcomes (400: all failed, 207: some failed, 412: changed meanwhile). */
    private static final Set<Integer> WRITE_STATUSES = Set.of(200, 201, 202, 207, 400, 412);
    /** HTTP's IMF-fixdate ({@code Mon, 06 Jan 2025 09:00:00 GMT}): RFC_1123_DATE_TIME would drop the day's 0. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ZohoApiCalls calls;

    public ZohoCrmClient(ZohoApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    // ---- reads ------------------------------------------------------------------------------------------

    /** One page of a module's records; an empty page for CRM's 204. */
    public <T> CrmPage<T> list(String user, CrmModule<T> module, CrmPageRequest request) {
        Objects.requireNonNull(request, "request");
        String op = "list " + module.apiName();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", module.fields());
        if (request.pageToken() == null) {
            q.put("page", Integer.toString(request.page()));
        }
        q.put("per_page", Integer.toString(request.perPage()));
        q.put("page_token", request.pageToken());
        q.put("sort_by", request.sortBy());
        q.put("sort_order", request.sortOrder());
        return page(get(user, op, module.apiName(), q), module, request, op);
    }

    public CrmPage<Deal> deals(String user, CrmPageRequest request) {
        return list(user, CrmModule.DEALS, request);
    }

    public CrmPage<Lead> leads(String user, CrmPageRequest request) {
        return list(user, CrmModule.LEADS, request);
    }

    public Optional<Deal> deal(String user, String id) {
        return get(user, CrmModule.DEALS, id);
    }

    /** Records matching a search; an empty page when nothing matches (CRM answers 204, also briefly after a write). */
    public <T> CrmPage<T> search(String user, CrmModule<T> module, CrmSearch search, int page, int perPage) {
        Objects.requireNonNull(search, "search");
        CrmPageRequest request = CrmPageRequest.of(page, perPage);
        String op = "search " + module.apiName();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", module.fields());
        q.put("criteria", search.criteria());
        q.put("email", search.email());
        q.put("word", search.word());
        q.put("page", Integer.toString(page));
        q.put("per_page", Integer.toString(perPage));
        return page(get(user, op, module.apiName() + "/search", q), module, request, op);
    }

    /** The record, or empty when CRM has none with this id (204, or 404). */
    public <T> Optional<T> get(String user, CrmModule<T> module, String id) {
        requireRecordId(id);
        String op = "get " + module.apiName();
        ZohoResponse r = get(user, op, module.apiName() + "/" + id, Map.of("fields", module.fields()));
        if (r.status() == 204 || r.status() == 404) {
            return Optional.empty();
        }
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        CrmErrors.rejectErrorShape(r, body.containsKey("data"), op);
        return records(body.get("data"), module, op).stream().findFirst();
    }

    /** A COQL {@code select} (CRM caps it at 2,000 rows per call; page with {@code limit … offset …}). */
    public CoqlPage coql(String user, String selectQuery) {
        if (selectQuery == null || selectQuery.isBlank() || selectQuery.length() > MAX_COQL_LENGTH) {
            throw new IllegalArgumentException("a COQL query of 1 to " + MAX_COQL_LENGTH + " characters is required");
        }
        String op = "COQL query";
        ZohoResponse r = calls.send(user, ZohoRequest.write(ZohoProduct.CRM, op, "POST", BASE + "coql", null,
                ZohoJson.write(Map.of("select_query", selectQuery))));
        if (r.status() == 204) {
            return CoqlPage.empty();
        }
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        CrmErrors.rejectErrorShape(r, body.containsKey("data"), op);
        List<Map<String, String>> rows = records(body.get("data"), CrmModule.of("Coql", "id"), op);
        JsonValue info = body.get("info");
        boolean more = info instanceof JsonObject i && i.get("more_records") == JsonValue.TRUE;
        return new CoqlPage(rows, more);
    }

    /** A module's fields with their picklists ({@code ZohoCRM.settings.fields.READ}). */
    public List<CrmField> fields(String user, String moduleApiName) {
        String op = "field metadata";
        ZohoResponse r = get(user, op, "settings/fields", Map.of("module", moduleApiName));
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        CrmErrors.rejectErrorShape(r, body.containsKey("fields"), op);
        return mapped(op, () -> CrmMapping.fields(body.get("fields")));
    }

    /** The user's CRM organization ({@code ZohoCRM.org.READ}). */
    public CrmOrg org(String user) {
        String op = "get organization";
        ZohoResponse r = get(user, op, "org", Map.of());
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        CrmErrors.rejectErrorShape(r, body.containsKey("org"), op);
        return mapped(op, () -> CrmMapping.org(body.get("org")));
    }

    /**
     * The CRM organization of a grant not stored yet (the sign-in's organization check), with its fresh
     * access token at the data centre's API domain; no renewal.
     */
    public CrmOrg orgWith(String accessToken, java.net.URI apiBase) {
        String op = "get organization";
        ZohoResponse r = calls.sendWith(accessToken, apiBase, ZohoRequest.get(ZohoProduct.CRM, op, BASE + "org", Map.of()));
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        CrmErrors.rejectErrorShape(r, body.containsKey("org"), op);
        return mapped(op, () -> CrmMapping.org(body.get("org")));
    }

    public CrmUser currentUser(String user) {
        String op = "get current user";
        ZohoResponse r = get(user, op, "users", Map.of("type", "CurrentUser"));
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        if (!(body.get("users") instanceof jakarta.json.JsonArray users) || users.isEmpty()
                || !(users.get(0) instanceof JsonObject u)) {
            throw protocol(op, "the answer has no user");
        }
        String id = ZohoJson.text(u.get("id"));
        if (id == null || id.isBlank()) {
            throw protocol(op, "the user has no id");
        }
        return new CrmUser(id, ZohoJson.text(u.get("full_name")), ZohoJson.text(u.get("email")),
                ZohoJson.lookupName(u.get("role")), ZohoJson.lookupName(u.get("profile")));
    }

    // ---- writes -----------------------------------------------------------------------------------------

    /**
     * Updates one record. With {@code ifUnmodifiedSince}, CRM refuses (412 {@code ALREADY_MODIFIED}, as a
     * result, not an exception) when someone changed the record after that moment.
     */
    public CrmWriteResult update(String user, CrmModule<?> module, String id, Map<String, Object> fields,
                                 Instant ifUnmodifiedSince) {
        requireRecordId(id);
        Objects.requireNonNull(fields, "fields");
        String op = "update " + module.apiName();
        ZohoRequest request = ZohoRequest.write(ZohoProduct.CRM, op, "PUT", BASE + module.apiName() + "/" + id, null,
                ZohoJson.write(Map.of("data", List.of(fields))));
        if (ifUnmodifiedSince != null) {
            request = request.withHeader("If-Unmodified-Since", HTTP_DATE.format(ifUnmodifiedSince));
        }
        return writeResult(calls.send(user, request), op);
    }

    /** Creates one record; CRM checks the fields it marks unique (for Leads, Email) and answers DUPLICATE_DATA. */
    public CrmWriteResult create(String user, CrmModule<?> module, Map<String, Object> fields,
                                 List<String> duplicateCheckFields) {
        return insert(user, module, fields, duplicateCheckFields, false);
    }

    /** Inserts or updates one record matched by {@code duplicateCheckFields} (the result's details say which). */
    public CrmWriteResult upsert(String user, CrmModule<?> module, Map<String, Object> fields,
                                 List<String> duplicateCheckFields) {
        return insert(user, module, fields, duplicateCheckFields, true);
    }

    /** Moves a deal to another stage; CRM may refuse per record (e.g. {@code RECORD_IN_BLUEPRINT}). */
    public CrmWriteResult updateDealStage(String user, String dealId, String stage) {
        if (stage == null || stage.isBlank() || stage.length() > MAX_STAGE_LENGTH) {
            throw new IllegalArgumentException("stage must be 1 to " + MAX_STAGE_LENGTH + " characters");
        }
        return update(user, CrmModule.DEALS, dealId, Map.of("Stage", stage), null);
    }

    /** Creates a lead unless one with the same email exists (then the result's code is {@code DUPLICATE_DATA}). */
    public CrmWriteResult createLead(String user, NewLead lead) {
        Objects.requireNonNull(lead, "lead");
        Map<String, Object> record = new LinkedHashMap<>();
        putIfPresent(record, "First_Name", lead.firstName());
        record.put("Last_Name", lead.lastName());
        putIfPresent(record, "Email", lead.email());
        putIfPresent(record, "Phone", lead.phone());
        putIfPresent(record, "Company", lead.company());
        putIfPresent(record, "Lead_Source", lead.leadSource());
        putIfPresent(record, "Description", lead.description());
        return create(user, CrmModule.LEADS, record, List.of("Email"));
    }

    // ---- the calls --------------------------------------------------------------------------------------

    private ZohoResponse get(String user, String op, String path, Map<String, String> query) {
        return calls.send(user, ZohoRequest.get(ZohoProduct.CRM, op, BASE + path, query));
    }

    private CrmWriteResult insert(String user, CrmModule<?> module, Map<String, Object> fields,
                                  List<String> duplicateCheckFields, boolean upsert) {
        Objects.requireNonNull(fields, "fields");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", List.of(fields));
        if (duplicateCheckFields != null && !duplicateCheckFields.isEmpty()) {
            payload.put("duplicate_check_fields", duplicateCheckFields);
        }
        String op = (upsert ? "upsert " : "create ") + module.apiName();
        String path = BASE + module.apiName() + (upsert ? "/upsert" : "");
        return writeResult(calls.send(user, ZohoRequest.write(ZohoProduct.CRM, op, "POST", path, null,
                ZohoJson.write(payload))), op);
    }

    private static <T> CrmPage<T> page(ZohoResponse r, CrmModule<T> module, CrmPageRequest request, String op) {
        if (r.status() == 204) {
            return CrmPage.empty();
        }
        CrmErrors.requireOk(r, op);
        JsonObject body = object(r, op);
        CrmErrors.rejectErrorShape(r, body.containsKey("data"), op);
        List<T> records = records(body.get("data"), module, op);
        if (!(body.get("info") instanceof JsonObject info)) {
            return new CrmPage<>(records, request.page(), request.perPage(), false, null);
        }
        String next = ZohoJson.text(info.get("next_page_token"));
        return new CrmPage<>(records,
                intOr(info.get("page"), request.page()),
                intOr(info.get("per_page"), request.perPage()),
                info.get("more_records") == JsonValue.TRUE, next == null || next.isBlank() ? null : next);
    }

    private static <T> List<T> records(JsonValue data, CrmModule<T> module, String op) {
        return mapped(op, () -> CrmMapping.records(data, module));
    }

    private static <T> T mapped(String op, java.util.function.Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (CrmMapping.Unexpected e) {
            throw protocol(op, e.getMessage());
        }
    }

    private static ZohoApiException protocol(String op, String what) {
        return new ZohoApiException(Kind.PROTOCOL, null, "Zoho CRM " + op + ": " + what, null, 200, null);
    }

    private static int intOr(JsonValue v, int fallback) {
        return v instanceof jakarta.json.JsonNumber n ? n.intValue() : fallback;
    }

    private static JsonObject object(ZohoResponse r, String op) {
        try {
            return ZohoJson.object(r.body());
        } catch (ZohoJson.UnreadableException e) {
            throw new ZohoApiException(Kind.PROTOCOL, null, "Zoho CRM " + op + ": unreadable answer ("
                    + e.getMessage() + ", HTTP " + r.status() + ")", null, r.status(), e.getCause());
        }
    }

    private static CrmWriteResult writeResult(ZohoResponse r, String op) {
        if (!WRITE_STATUSES.contains(r.status())) {
            throw CrmErrors.failure(r, op);
        }
        JsonObject body;
        try {
            body = ZohoJson.object(r.body());
        } catch (ZohoJson.UnreadableException e) {
            if (r.status() == 400 || r.status() == 412) {
                throw CrmErrors.failure(r, op);
            }
            throw new ZohoApiException(Kind.PROTOCOL, null, "Zoho CRM " + op + ": unreadable answer ("
                    + e.getMessage() + ", HTTP " + r.status() + ")", null, r.status(), e.getCause());
        }
        if (!(body.get("data") instanceof jakarta.json.JsonArray data) || data.isEmpty()
                || !(data.get(0) instanceof JsonObject o)) {
            // 412 and some 400s come as a plain error object rather than per-record results.
            String code = ZohoJson.text(body.get("code"));
            if ((r.status() == 412 || r.status() == 400) && code != null) {
                return new CrmWriteResult(code, "error", ZohoTransport.safeText(ZohoJson.text(body.get("message"))),
                        null, ZohoJson.flatten(body.get("details")));
            }
            throw new ZohoApiException(Kind.PROTOCOL, null, "Zoho CRM " + op
                    + ": the answer has no per-record result (HTTP " + r.status() + ")", null, r.status(), null);
        }
        String code = ZohoJson.text(o.get("code"));
        String status = ZohoJson.text(o.get("status"));
        if (code == null || status == null) {
            throw new ZohoApiException(Kind.PROTOCOL, null, "Zoho CRM " + op
                    + ": the per-record result has no code or status (HTTP " + r.status() + ")", null, r.status(), null);
        }
        Map<String, String> details = ZohoJson.flatten(o.get("details"));
        String action = ZohoJson.text(o.get("action"));
        if (action != null) {
            details = new LinkedHashMap<>(details);
            details.put("action", action);
        }
        String recordId = "success".equalsIgnoreCase(status) ? details.get("id") : null;
        return new CrmWriteResult(code, status, ZohoJson.text(o.get("message")), recordId, details);
    }

    private static void putIfPresent(Map<String, Object> record, String field, String value) {
        if (value != null && !value.isBlank()) {
            record.put(field, value);
        }
    }

    private static void requireRecordId(String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Zoho record id: " + (id == null ? null : ZohoTransport.safeText(id)));
        }
    }
}
