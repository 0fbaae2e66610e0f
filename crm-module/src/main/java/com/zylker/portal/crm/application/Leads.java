package com.zylker.portal.crm.application;

import com.zylker.portal.core.cache.ShortCache;
import com.zylker.portal.core.zoho.crm.CrmField;
import com.zylker.portal.core.zoho.crm.CrmModule;
import com.zylker.portal.core.zoho.crm.CrmPage;
import com.zylker.portal.core.zoho.crm.CrmPageRequest;
import com.zylker.portal.core.zoho.crm.CrmPicklistValue;
import com.zylker.portal.core.zoho.crm.CrmWriteResult;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The student leads screen's service ({@code /crm/leads}): pages of leads mapped onto CRM's own paging (never
 * "load everything"), search through {@code /Leads/search}, one lead, an inline status change, a new lead,
 * and the CSV export of a filter. Every call uses the signed-in user's own token; each public method is one
 * user action and makes at most the Zoho calls its comment names — no retries here: {@code core.zoho.http}
 * already renews a rejected token once, and a 429 or a timeout goes back to the user as words.
 */
@ApplicationScoped
public class Leads {

    /** Rows per page of the table: a screenful; CRM allows 200. */
    public static final int PER_PAGE = 20;
    /** CRM's {@code page} reaches only the first 2,000 records (then page tokens); the screen stops there. */
    public static final int PAGE_LIMIT_RECORDS = 2_000;
    static final int PICKLIST_TTL_MINUTES = 10;
    static final String COURSE_FIELD = "Course_of_Interest";
    private static final String FIELDS = "First_Name,Last_Name,Email,Phone,Company,Lead_Source,Lead_Status,Owner,"
            + "Description,Created_Time,Modified_Time";
    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,40}");
    /** How long a second click waits for the first create's answer: the Zoho timeout plus a margin. */
    private static final Duration REPEAT_WAIT = Duration.ofSeconds(20);

    @Inject
    ZohoCrmClient crm;

    @Inject
    LeadSubmissions submissions;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    private ShortCache<String, LeadPicklists> picklists;

    public Leads() {
    }

    Leads(ZohoCrmClient crm, LeadSubmissions submissions, Validator validator, Clock clock) {
        this.crm = crm;
        this.submissions = submissions;
        this.validator = validator;
        this.clock = clock;
        init();
    }

    @PostConstruct
    void init() {
        picklists = new ShortCache<>(Duration.ofMinutes(PICKLIST_TTL_MINUTES), 100, clock);
    }

    /**
     * Opening the screen: the picklists (field metadata, cached per data centre for
     * {@value #PICKLIST_TTL_MINUTES} minutes, so usually no call) and, when the URL names one, the lead (one GET).
     */
    public LeadsScreen open(String user, String dataCentre, String leadId) {
        LeadPicklists lists = picklists(user, dataCentre);
        if (leadId == null || leadId.isBlank()) {
            return new LeadsScreen(lists, null, false);
        }
        if (!RECORD_ID.matcher(leadId.strip()).matches()) {
            return new LeadsScreen(lists, null, true);
        }
        Optional<LeadRow> lead = crm.get(user, module(lists), leadId.strip()).map(r -> row(r, lists.courseField()));
        return new LeadsScreen(lists, lead.orElse(null), lead.isEmpty());
    }

    /** Lead statuses, sources and courses from CRM's field metadata. */
    public LeadPicklists picklists(String user, String dataCentre) {
        return picklists.get(dataCentre == null ? "" : dataCentre, () -> readPicklists(user));
    }

    /**
     * One page (1-based) of the query: one list or search call. An empty page when CRM finds nothing (its 204),
     * also for a search right after a write (CRM's index lags behind).
     */
    public LeadPage page(String user, String dataCentre, LeadQuery query, int page, int perPage) {
        if (page < 1 || (long) (page - 1) * perPage >= PAGE_LIMIT_RECORDS) {
            return new LeadPage(List.of(), Math.max(page, 1), perPage, false);
        }
        LeadPicklists lists = picklists(user, dataCentre);
        CrmModule<Map<String, String>> module = module(lists);
        CrmPage<Map<String, String>> result = query.search()
                .map(s -> crm.search(user, module, s, page, perPage))
                .orElseGet(() -> crm.list(user, module,
                        new CrmPageRequest(page, perPage, null, query.sortField(), query.order())));
        boolean more = result.moreRecords() && (long) page * perPage < PAGE_LIMIT_RECORDS;
        return new LeadPage(result.records().stream().map(r -> row(r, lists.courseField())).toList(), page, perPage, more);
    }

    /**
     * Changes the lead's status: one PUT, guarded with {@code If-Unmodified-Since} (the lead's modified time as
     * the screen read it), so a change made meanwhile in CRM is not overwritten blindly. A status outside
     * CRM's picklist is refused before any call.
     */
    public LeadStatusChange changeStatus(String user, String dataCentre, LeadRow lead, String status) {
        if (status == null || status.isBlank()) {
            return LeadStatusChange.refused("Choose a status from the list.");
        }
        List<String> allowed = picklists(user, dataCentre).statuses();
        if (!allowed.isEmpty() && !allowed.contains(status)) {
            return LeadStatusChange.refused("\u201C" + status + "\u201D is not one of Zoho CRM's lead statuses."
                    + " Choose one from the list.");
        }
        if (status.equals(lead.leadStatus())) {
            return LeadStatusChange.done(lead);
        }
        CrmWriteResult r = crm.update(user, CrmModule.LEADS, lead.id(), Map.of("Lead_Status", status),
                lead.modifiedTime());
        if (r.succeeded()) {
            Instant modified = instant(r.details().get("Modified_Time"));
            return LeadStatusChange.done(new LeadRow(lead.id(), lead.firstName(), lead.lastName(), lead.email(),
                    lead.phone(), lead.company(), lead.leadSource(), status, lead.courseOfInterest(), lead.owner(),
                    lead.description(), lead.createdTime(), modified == null ? lead.modifiedTime() : modified));
        }
        return LeadStatusChange.refused(switch (r.code() == null ? "" : r.code()) {
            case "INVALID_DATA" -> "Zoho CRM did not accept the status \u201C" + status + "\u201D. Reload the page"
                    + " for the current list of statuses and choose again.";
            case "ALREADY_MODIFIED" -> "Someone changed this lead in Zoho CRM after you opened it. Reload it to"
                    + " see their change, then choose the status again.";
            case "RECORD_LOCKED" -> "Zoho CRM has locked this lead (an approval or another process is working on"
                    + " it). Try again later, or open it in Zoho CRM.";
            case "NO_PERMISSION" -> "Your Zoho profile does not allow changing this lead. Ask your Zoho"
                    + " administrator if you need to.";
            default -> "Zoho CRM did not change the status. Try again; if it keeps happening, open the lead in"
                    + " Zoho CRM.";
        });
    }

    /**
     * Creates a lead from the dialog: Bean Validation and the picklists first (no call when they fail), then
     * at most one POST per {@code submissionId} ({@link LeadSubmissions}). CRM's duplicate check on Email
     * answers {@code DUPLICATE_DATA} with the existing lead, which is reported, never merged.
     */
    public LeadCreation create(String user, String dataCentre, String submissionId, LeadForm form) {
        List<String> problems = validator.validate(form).stream().map(ConstraintViolation::getMessage).sorted().toList();
        if (!problems.isEmpty()) {
            return LeadCreation.refused(String.join(" ", problems));
        }
        LeadPicklists lists = picklists(user, dataCentre);
        String course = blankToNull(form.getCourseOfInterest());
        String source = blankToNull(form.getLeadSource());
        if (course != null && !lists.courses().contains(course)) {
            return LeadCreation.refused("Choose the course from the list: \u201C" + course + "\u201D is not one of"
                    + " Zoho CRM's courses.");
        }
        if (source != null && !lists.sources().isEmpty() && !lists.sources().contains(source)) {
            return LeadCreation.refused("Choose the lead source from the list.");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        put(record, "First_Name", form.getFirstName());
        put(record, "Last_Name", form.getLastName());
        put(record, "Email", form.getEmail());
        put(record, "Phone", form.getPhone());
        put(record, "Lead_Source", source);
        if (course != null && lists.courseField() != null) {
            record.put(lists.courseField(), course);
        }
        return submissions.once(user, submissionId, REPEAT_WAIT,
                () -> outcome(crm.create(user, CrmModule.LEADS, record, List.of("Email"))));
    }

    /**
     * The query's leads for a CSV file, in the screen's order: pages of 200 until CRM has no more or
     * {@value #PAGE_LIMIT_RECORDS} rows (at most 10 calls).
     */
    public List<LeadRow> export(String user, String dataCentre, LeadQuery query) {
        List<LeadRow> rows = new ArrayList<>();
        for (int page = 1; ; page++) {
            LeadPage p = page(user, dataCentre, query, page, CrmPageRequest.MAX_PER_PAGE);
            rows.addAll(p.rows());
            if (!p.more()) {
                return rows;
            }
        }
    }

    private static LeadCreation outcome(CrmWriteResult r) {
        if (r.succeeded() && r.recordId() != null && RECORD_ID.matcher(r.recordId()).matches()) {
            return LeadCreation.created(r.recordId());
        }
        if (r.duplicate()) {
            String existing = r.details().get("duplicate_record.id");
            return LeadCreation.duplicate(existing != null && RECORD_ID.matcher(existing).matches() ? existing : null,
                    r.details().get("duplicate_record.Owner.name"));
        }
        String field = label(r.details().get("api_name"));
        return LeadCreation.refused(switch (r.code() == null ? "" : r.code()) {
            case "INVALID_DATA" -> "Zoho CRM did not accept the " + field + ". Check it and save again.";
            case "MANDATORY_NOT_FOUND" -> "Zoho CRM needs the " + field + " as well. Fill it in and save again.";
            case "NO_PERMISSION" -> "Your Zoho profile does not allow creating leads. Ask your Zoho administrator.";
            default -> "Zoho CRM did not save the lead. Check what you entered and save again.";
        });
    }

    /** A field's name for a person; unknown API names stay generic (they come from Zoho). */
    private static String label(String apiName) {
        if (apiName == null) {
            return "value";
        }
        return switch (apiName) {
            case "First_Name" -> "first name";
            case "Last_Name" -> "last name";
            case "Email" -> "email";
            case "Phone" -> "phone number";
            case "Lead_Source" -> "lead source";
            case COURSE_FIELD -> "course of interest";
            default -> "value";
        };
    }

    private LeadPicklists readPicklists(String user) {
        List<CrmField> fields = crm.fields(user, "Leads");
        Optional<CrmField> course = fields.stream().filter(f -> COURSE_FIELD.equals(f.apiName())).findFirst()
                .or(() -> fields.stream().filter(f -> "picklist".equalsIgnoreCase(f.dataType()) && f.label() != null
                        && f.label().toLowerCase(Locale.ROOT).contains("course")).findFirst());
        return new LeadPicklists(values(fields, "Lead_Status"), values(fields, "Lead_Source"),
                course.map(Leads::values).orElse(List.of()), course.map(CrmField::apiName).orElse(null));
    }

    private static List<String> values(List<CrmField> fields, String apiName) {
        return fields.stream().filter(f -> apiName.equals(f.apiName())).findFirst().map(Leads::values).orElse(List.of());
    }

    private static List<String> values(CrmField field) {
        return field.picklistValues().stream()
                .sorted(Comparator.comparing((CrmPicklistValue v) -> v.sequenceNumber() == null ? Integer.MAX_VALUE : v.sequenceNumber()))
                .map(CrmPicklistValue::actualValue)
                .filter(v -> v != null && !v.isBlank() && !"-None-".equals(v))
                .distinct()
                .collect(Collectors.toList());
    }

    /** The fields the screen reads, with the org's course field (its API name comes from the metadata). */
    static CrmModule<Map<String, String>> module(LeadPicklists lists) {
        return CrmModule.of("Leads", lists.courseField() == null ? FIELDS : FIELDS + "," + lists.courseField());
    }

    static LeadRow row(Map<String, String> r, String courseField) {
        String course = courseField == null ? null : r.get(courseField);
        return new LeadRow(r.get("id"), r.get("First_Name"), r.get("Last_Name"), r.get("Email"), r.get("Phone"),
                r.get("Company"), r.get("Lead_Source"), r.get("Lead_Status"), course,
                r.getOrDefault("Owner.name", r.get("Owner")), r.get("Description"),
                instant(r.get("Created_Time")), instant(r.get("Modified_Time")));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null; // shown as "—": a time the portal cannot read is not worth failing the page for
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void put(Map<String, Object> record, String field, String value) {
        String v = blankToNull(value);
        if (v != null) {
            record.put(field, v);
        }
    }
}
