package com.zylker.portal.core.zoho;

import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import jakarta.json.JsonValue;

import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Zoho CRM v8 for the portal's CRM screens: deals and leads lists with paging, one deal, a stage change, a new
 * lead with duplicate check, and the current CRM user.
 *
 * <p>Each call goes to the user's own API domain with {@code Authorization: Zoho-oauthtoken …}. A 401
 * {@code INVALID_TOKEN} (token expired or revoked early) makes it ask {@link AccessTokens#renewAfterRejection}
 * once and retry once; a 401 is safe to retry even for writes, since Zoho did not process the request. Every
 * call has a request timeout and a hard deadline of connect + request timeout (the connect part from the
 * {@link HttpClient}'s own connect timeout, or the request timeout again when it has none). Failures come as
 * {@link ZohoApiException}s sorted by what the user can do; per-record outcomes of writes (duplicate, invalid
 * data, …) come back as {@link CrmWriteResult}s, not exceptions.
 *
 * <pre>{@code
 * CrmPage<Lead> page = crm.leads(user, new CrmPageRequest(1, 50, null, "Created_Time", "desc"));
 * CrmWriteResult r = crm.createLead(user, new NewLead("Ana", "Silva", "ana@example.org", null, null, "Web", null));
 * if (r.duplicate()) { … r.details().get("duplicate_record.id") … }
 * }</pre>
 */
public final class ZohoCrmClient {

    /** Only what {@link Deal} needs ({@code id} always comes). */
    static final String DEAL_FIELDS = "Deal_Name,Stage,Amount,Closing_Date,Account_Name,Owner,Probability";
    /** Only what {@link Lead} needs. */
    static final String LEAD_FIELDS = "First_Name,Last_Name,Email,Phone,Company,Lead_Source,Lead_Status,Created_Time";

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    /** Zoho record ids are numeric; anything else must not reach the URL path. */
    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,40}");
    private static final int MAX_STAGE_LENGTH = 120;
    private static final Set<Integer> WRITE_STATUSES = Set.of(200, 201, 202, 207, 400);

    private final HttpClient http;
    private final AccessTokens tokens;
    private final Duration requestTimeout;
    private final Duration deadline;

    public ZohoCrmClient(HttpClient http, AccessTokens tokens, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        ZohoClientSettings.requirePositive("request timeout", requestTimeout);
        this.requestTimeout = requestTimeout;
        this.deadline = requestTimeout.plus(http.connectTimeout().orElse(requestTimeout));
    }

    public CrmPage<Deal> deals(String user, CrmPageRequest request) {
        Objects.requireNonNull(request, "request");
        String op = "list Deals";
        ZohoHttp.Response r = call(user, op, "GET", "Deals", listQuery(DEAL_FIELDS, request), null);
        if (r.status() == 204) {
            return CrmPage.empty();
        }
        requireOk(r, op);
        ZohoWire.DealList body = read(r, ZohoWire.DealList.class, op);
        rejectErrorShape(r, body.data, op);
        return page(records(body.data, rec -> deal(rec, op), op), body.info, request);
    }

    public CrmPage<Lead> leads(String user, CrmPageRequest request) {
        Objects.requireNonNull(request, "request");
        String op = "list Leads";
        ZohoHttp.Response r = call(user, op, "GET", "Leads", listQuery(LEAD_FIELDS, request), null);
        if (r.status() == 204) {
            return CrmPage.empty();
        }
        requireOk(r, op);
        ZohoWire.LeadList body = read(r, ZohoWire.LeadList.class, op);
        rejectErrorShape(r, body.data, op);
        return page(records(body.data, rec -> lead(rec, op), op), body.info, request);
    }

    /** The deal, or empty when Zoho has none with this id (204, or 404). */
    public Optional<Deal> deal(String user, String id) {
        requireRecordId(id);
        String op = "get Deal";
        ZohoHttp.Response r = call(user, op, "GET", "Deals/" + id, Map.of("fields", DEAL_FIELDS), null);
        if (r.status() == 204 || r.status() == 404) {
            return Optional.empty();
        }
        requireOk(r, op);
        ZohoWire.DealList body = read(r, ZohoWire.DealList.class, op);
        rejectErrorShape(r, body.data, op);
        return records(body.data, rec -> deal(rec, op), op).stream().findFirst();
    }

    /** Moves a deal to another stage; Zoho may refuse per record (e.g. {@code RECORD_IN_BLUEPRINT}). */
    public CrmWriteResult updateDealStage(String user, String dealId, String stage) {
        requireRecordId(dealId);
        if (stage == null || stage.isBlank() || stage.length() > MAX_STAGE_LENGTH) {
            throw new IllegalArgumentException("stage must be 1 to " + MAX_STAGE_LENGTH + " characters");
        }
        String op = "update Deal";
        String body = ZohoWire.write(Map.of("data", List.of(Map.of("Stage", stage))));
        return writeResult(call(user, op, "PUT", "Deals/" + dealId, Map.of(), body), op);
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", List.of(record));
        payload.put("duplicate_check_fields", List.of("Email"));
        String op = "create Lead";
        return writeResult(call(user, op, "POST", "Leads", Map.of(), ZohoWire.write(payload)), op);
    }

    public CrmUser currentUser(String user) {
        String op = "get current user";
        ZohoHttp.Response r = call(user, op, "GET", "users", Map.of("type", "CurrentUser"), null);
        requireOk(r, op);
        ZohoWire.UserList body = read(r, ZohoWire.UserList.class, op);
        if (body.users == null || body.users.isEmpty() || body.users.get(0) == null) {
            throw protocol(op + ": the answer has no user", r.status(), null);
        }
        ZohoWire.UserRecord u = body.users.get(0);
        String id = ZohoWire.text(u.id);
        if (id == null || id.isBlank()) {
            throw protocol(op + ": the user has no id", r.status(), null);
        }
        return new CrmUser(id, u.fullName, u.email, ZohoWire.lookupName(u.role), ZohoWire.lookupName(u.profile));
    }

    // ---- the call and its 401 handling -----------------------------------------------------------------

    private ZohoHttp.Response call(String user, String op, String method, String path, Map<String, String> query,
                                   String body) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user is required");
        }
        ZohoAccess access = Objects.requireNonNull(tokens.current(user), "AccessTokens.current returned null");
        ZohoHttp.Response r = exchange(access, op, method, path, query, body);
        if (r.status() != 401) {
            return r;
        }
        String code = ZohoWire.text(error(r).code);
        if ("INVALID_TOKEN".equals(code)) {
            ZohoAccess renewed = Objects.requireNonNull(tokens.renewAfterRejection(user, access.accessToken()),
                    "AccessTokens.renewAfterRejection returned null");
            r = exchange(renewed, op, method, path, query, body);
            if (r.status() != 401) {
                return r;
            }
            code = ZohoWire.text(error(r).code);
            if (!"OAUTH_SCOPE_MISMATCH".equals(code)) {
                throw new ZohoApiException(Kind.UNAUTHORIZED, code, "Zoho CRM " + op
                        + ": the access token was refused again after renewal (" + code + ")", null, 401, null);
            }
        }
        if ("OAUTH_SCOPE_MISMATCH".equals(code)) {
            throw new ZohoApiException(Kind.SCOPE_MISMATCH, code, "Zoho CRM " + op
                    + ": the sign-in lacks a permission (scope) this needs; sign in again and grant it", null, 401, null);
        }
        throw new ZohoApiException(Kind.UNAUTHORIZED, code, "Zoho CRM " + op + ": the access token was refused ("
                + code + ")", null, 401, null);
    }

    private ZohoHttp.Response exchange(ZohoAccess access, String op, String method, String path,
                                      Map<String, String> query, String body) {
        String base = access.apiDomain().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String q = ZohoHttp.form(query);
        URI uri = URI.create(base + "/crm/v8/" + path + (q.isEmpty() ? "" : "?" + q));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Zoho-oauthtoken " + access.accessToken());
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return ZohoHttp.send(http, b.build(), deadline);
        } catch (ZohoHttp.TransportException e) {
            Kind kind = e.tooLarge() ? Kind.PROTOCOL : Kind.UNAVAILABLE;
            throw new ZohoApiException(kind, null, "Zoho CRM " + op + ": " + e.getMessage(), null, 0, e.getCause());
        }
    }

    // ---- statuses and errors ---------------------------------------------------------------------------

    private static void requireOk(ZohoHttp.Response r, String op) {
        if (r.status() != 200) {
            throw failure(r, op);
        }
    }

    private static ZohoApiException failure(ZohoHttp.Response r, String op) {
        int status = r.status();
        ZohoWire.CrmError e = error(r);
        String code = ZohoWire.text(e.code);
        String message = ZohoHttp.safeText(ZohoWire.text(e.message));
        String said = (code == null ? "" : " " + code) + (message == null || message.isEmpty() ? "" : " — " + message);
        if (status == 429) {
            Duration wait = retryAfter(r);
            return new ZohoApiException(Kind.RATE_LIMITED, code,
                    "Zoho is busy — please retry in " + wait.toSeconds() + " s", wait, status, null);
        }
        if (ZohoHttp.isServerError(status)) {
            return new ZohoApiException(Kind.UNAVAILABLE, code,
                    "Zoho CRM is unavailable (" + op + ": HTTP " + status + said + ")", null, status, null);
        }
        if (status == 403) {
            return new ZohoApiException(Kind.FORBIDDEN, code,
                    "Zoho CRM does not allow this (" + op + ": HTTP 403" + said + ")", null, status, null);
        }
        if (status == 401) {
            return new ZohoApiException(Kind.UNAUTHORIZED, code, "Zoho CRM " + op + ": HTTP 401" + said, null, status, null);
        }
        if (status >= 400 && status <= 499) {
            return new ZohoApiException(Kind.INVALID_REQUEST, code,
                    "Zoho CRM refused " + op + " (HTTP " + status + said + ")", null, status, null);
        }
        return protocol(op + ": unexpected HTTP " + status, status, null);
    }

    /** Zoho's {@code {"code","details","message","status":"error"}}, or an empty one when the body is not that. */
    private static ZohoWire.CrmError error(ZohoHttp.Response r) {
        try {
            return ZohoWire.read(r.body(), ZohoWire.CrmError.class);
        } catch (ZohoWire.UnreadableException e) {
            return new ZohoWire.CrmError();
        }
    }

    /** A 200 whose body is Zoho's error shape instead of records. */
    private static void rejectErrorShape(ZohoHttp.Response r, List<?> data, String op) {
        if (data == null) {
            ZohoWire.CrmError e = error(r);
            if ("error".equals(ZohoWire.text(e.status)) || ZohoWire.text(e.code) != null) {
                throw new ZohoApiException(Kind.INVALID_REQUEST, ZohoWire.text(e.code), "Zoho CRM refused " + op
                        + " (" + ZohoWire.text(e.code) + " — " + ZohoHttp.safeText(ZohoWire.text(e.message)) + ")",
                        null, r.status(), null);
            }
        }
    }

    static Duration retryAfter(ZohoHttp.Response r) {
        Optional<String> header = r.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        String v = header.get();
        Duration wait;
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                wait = v.length() > 9 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(v));
            } else {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), at);
            }
        } catch (DateTimeParseException e) {
            return DEFAULT_RETRY_AFTER;
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : Duration.ofSeconds(wait.toSeconds());
    }

    private static ZohoApiException protocol(String what, int status, Throwable cause) {
        return new ZohoApiException(Kind.PROTOCOL, null, "Zoho CRM " + what, null, status, cause);
    }

    private static <T> T read(ZohoHttp.Response r, Class<T> type, String op) {
        try {
            return ZohoWire.read(r.body(), type);
        } catch (ZohoWire.UnreadableException e) {
            throw protocol(op + ": unreadable answer (" + e.getMessage() + ", HTTP " + r.status() + ")",
                    r.status(), e.getCause());
        }
    }

    // ---- mapping ---------------------------------------------------------------------------------------

    private static Map<String, String> listQuery(String fields, CrmPageRequest request) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", fields);
        if (request.pageToken() == null) {
            q.put("page", Integer.toString(request.page()));
        }
        q.put("per_page", Integer.toString(request.perPage()));
        q.put("page_token", request.pageToken());
        q.put("sort_by", request.sortBy());
        q.put("sort_order", request.sortOrder());
        return q;
    }

    private static <W, T> List<T> records(List<W> data, Function<W, T> mapper, String op) {
        if (data == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(data.size());
        for (W w : data) {
            if (w == null) {
                throw protocol(op + ": a record is null", 200, null);
            }
            out.add(mapper.apply(w));
        }
        return out;
    }

    private static <T> CrmPage<T> page(List<T> records, ZohoWire.Info info, CrmPageRequest request) {
        if (info == null) {
            return new CrmPage<>(records, request.page(), request.perPage(), false, null);
        }
        String next = info.nextPageToken == null || info.nextPageToken.isBlank() ? null : info.nextPageToken;
        return new CrmPage<>(records,
                info.page == null ? request.page() : info.page,
                info.perPage == null ? request.perPage() : info.perPage,
                Boolean.TRUE.equals(info.moreRecords), next);
    }

    private static Deal deal(ZohoWire.DealRecord d, String op) {
        Integer probability = d.probability == null ? null
                : d.probability.setScale(0, RoundingMode.HALF_UP).intValue();
        return new Deal(id(d.id, op), d.name, d.stage, d.amount, date(d.closingDate, "Closing_Date", op),
                ZohoWire.lookupName(d.accountName), ZohoWire.lookupName(d.owner),
                ZohoWire.lookupField(d.owner, "email"), probability);
    }

    private static Lead lead(ZohoWire.LeadRecord l, String op) {
        return new Lead(id(l.id, op), l.firstName, l.lastName, l.email, ZohoWire.text(l.phone), l.company,
                l.leadSource, l.leadStatus, instant(l.createdTime, "Created_Time", op));
    }

    private static String id(JsonValue id, String op) {
        String text = ZohoWire.text(id);
        if (text == null || text.isBlank()) {
            throw protocol(op + ": a record has no id", 200, null);
        }
        return text;
    }

    private static LocalDate date(String text, String field, String op) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw protocol(op + ": " + field + " is not a date", 200, e);
        }
    }

    /** Zoho writes times with an offset ({@code 2025-01-06T09:00:00+05:30}). */
    private static Instant instant(String text, String field, String op) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw protocol(op + ": " + field + " is not a date-time", 200, e);
        }
    }

    private static CrmWriteResult writeResult(ZohoHttp.Response r, String op) {
        if (!WRITE_STATUSES.contains(r.status())) {
            throw failure(r, op);
        }
        ZohoWire.WriteResponse body;
        try {
            body = ZohoWire.read(r.body(), ZohoWire.WriteResponse.class);
        } catch (ZohoWire.UnreadableException e) {
            if (r.status() == 400) {
                throw failure(r, op);
            }
            throw protocol(op + ": unreadable answer (" + e.getMessage() + ", HTTP " + r.status() + ")",
                    r.status(), e.getCause());
        }
        if (body.data == null || body.data.isEmpty() || body.data.get(0) == null) {
            if (r.status() == 400) {
                throw failure(r, op);
            }
            throw protocol(op + ": the answer has no per-record result (HTTP " + r.status() + ")", r.status(), null);
        }
        ZohoWire.WriteOutcome o = body.data.get(0);
        String code = ZohoWire.text(o.code);
        String status = ZohoWire.text(o.status);
        if (code == null || status == null) {
            throw protocol(op + ": the per-record result has no code or status (HTTP " + r.status() + ")",
                    r.status(), null);
        }
        Map<String, String> details = ZohoWire.flatten(o.details);
        String recordId = "success".equalsIgnoreCase(status) ? details.get("id") : null;
        return new CrmWriteResult(code, status, ZohoWire.text(o.message), recordId, details);
    }

    private static void putIfPresent(Map<String, Object> record, String field, String value) {
        if (value != null && !value.isBlank()) {
            record.put(field, value);
        }
    }

    private static void requireRecordId(String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Zoho record id: " + (id == null ? null : ZohoHttp.safeText(id)));
        }
    }
}
