package com.zylker.portal.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.testsupport.StubZohoServer;
import com.zylker.portal.core.zoho.AccessTokens;
import com.zylker.portal.core.zoho.ZohoAccess;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoCallObserver;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Leads} against a scripted Zoho on loopback: what each action sends, and what it makes of the answers.
 * Run inside Payara Micro by {@code CrmModuleIT} (one check per test there), because the JSON provider the
 * Zoho client needs is the container's: crm-module's test classpath has none. JUnit's own assertions only,
 * for the same reason. Each check makes its own stub server.
 */
public final class LeadsAgainstStubZoho implements AutoCloseable {

    private static final String USER = "priya.raman@zylkeracademy.com";
    private static final String FIELDS = """
            {"fields":[
              {"api_name":"Lead_Status","field_label":"Lead Status","data_type":"picklist","pick_list_values":[
                {"display_value":"Not Contacted","actual_value":"Not Contacted","sequence_number":1},
                {"display_value":"Contacted","actual_value":"Contacted","sequence_number":2}]},
              {"api_name":"Lead_Source","field_label":"Lead Source","data_type":"picklist","pick_list_values":[
                {"display_value":"-None-","actual_value":"-None-","sequence_number":0},
                {"display_value":"Web Site","actual_value":"Web Site","sequence_number":1}]},
              {"api_name":"Course_of_Interest","field_label":"Course of Interest","data_type":"picklist","pick_list_values":[
                {"display_value":"Cloud Practitioner","actual_value":"Cloud Practitioner","sequence_number":1}]}
            ]}""";
    private static final String ONE_LEAD = """
            {"data":[{"id":"5725767000000411001","First_Name":"Meera","Last_Name":"Iyer\\"><svg onload=alert(1)>",
              "Email":"meera@example.com","Lead_Status":"Contacted","Course_of_Interest":"Cloud Practitioner",
              "Owner":{"name":"Priya Raman","id":"1"},"Created_Time":"2025-01-06T09:00:00+00:00",
              "Modified_Time":"2025-01-07T10:00:00+05:30"}],
             "info":{"per_page":20,"count":1,"page":2,"more_records":true}}""";
    private static final String BUSY = "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many\",\"status\":\"error\"}";

    private StubZohoServer zoho;
    private Leads leads;

    public LeadsAgainstStubZoho() throws IOException {
        zoho = new StubZohoServer();
        leads = leadsWithTimeout(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        zoho.close();
    }

    private Leads leadsWithTimeout(Duration timeout) {
        URI api = URI.create(zoho.base() + "/api/com");
        AccessTokens tokens = new AccessTokens() {
            @Override
            public ZohoAccess current(String user) {
                return new ZohoAccess("1000.access", api);
            }

            @Override
            public ZohoAccess renewAfterRejection(String user, String rejected) {
                return new ZohoAccess("1000.renewed", api);
            }
        };
        ZohoCrmClient crm = new ZohoCrmClient(new ZohoApiCalls(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1)).build(), tokens, timeout, ZohoCallObserver.NONE));
        Clock clock = Clock.fixed(Instant.parse("2025-02-01T10:00:00Z"), ZoneOffset.UTC);
        return new Leads(crm, new LeadSubmissions(clock), validator(), clock);
    }

    /**
     * Hibernate Validator is the container's (no implementation on this classpath): here a validator that
     * finds the last name missing when it is blank, enough to see the service refuse before calling. The
     * form's real constraints are checked in the container by CrmModuleIT.
     */
    private static Validator validator() {
        return (Validator) Proxy.newProxyInstance(LeadsAgainstStubZoho.class.getClassLoader(), new Class<?>[] {Validator.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("validate")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    LeadForm form = (LeadForm) args[0];
                    if (form.getLastName() != null && !form.getLastName().isBlank()) {
                        return Set.of();
                    }
                    return Set.of((ConstraintViolation<?>) Proxy.newProxyInstance(LeadsAgainstStubZoho.class.getClassLoader(),
                            new Class<?>[] {ConstraintViolation.class}, (p, m, a) -> {
                                if (m.getName().equals("getMessage")) {
                                    return "Last name is required.";
                                }
                                throw new UnsupportedOperationException(m.getName());
                            }));
                });
    }

    public void aPageIsOneListCallWithTheSortAndTheCourseFieldAndSaysWhetherThereIsMore() {
        zoho.reply(200, FIELDS).reply(200, ONE_LEAD);

        LeadPage page = leads.page(USER, "com", LeadQuery.of(null, null, "modified", "asc"), 2, 20);

        assertEquals(2, zoho.requests().size());
        StubZohoServer.Recorded list = zoho.requests().get(1);
        assertEquals("/api/com/crm/v8/Leads", list.path());
        assertEquals("2", list.query().get("page"));
        assertEquals("20", list.query().get("per_page"));
        assertEquals("Modified_Time", list.query().get("sort_by"));
        assertEquals("asc", list.query().get("sort_order"));
        assertTrue(list.query().get("fields").contains("Course_of_Interest"), list.query().get("fields"));
        assertTrue(page.more());
        assertEquals(22, page.rowCountEstimate(), "20 on page 1, 1 here, one more");
        LeadRow lead = page.rows().get(0);
        assertEquals("Iyer\"><svg onload=alert(1)>", lead.lastName());
        assertEquals("Cloud Practitioner", lead.courseOfInterest());
        assertEquals("Priya Raman", lead.owner());
        assertEquals(Instant.parse("2025-01-07T04:30:00Z"), lead.modifiedTime());
    }

    public void fieldMetadataIsReadOncePerDataCentre() {
        zoho.reply(200, FIELDS).reply(200, ONE_LEAD).reply(200, ONE_LEAD);

        leads.page(USER, "com", LeadQuery.all(), 1, 20);
        leads.page(USER, "com", LeadQuery.all(), 2, 20);

        assertEquals(java.util.List.of("/api/com/crm/v8/settings/fields", "/api/com/crm/v8/Leads", "/api/com/crm/v8/Leads"),
                zoho.requests().stream().map(StubZohoServer.Recorded::path).toList());
        assertEquals(java.util.List.of("Web Site"), leads.picklists(USER, "com").sources(), "'-None-' is no choice");
    }

    public void searchWithoutHitsIsAnEmptyPageWithoutMore() {
        zoho.reply(200, FIELDS).reply(204, "");

        LeadPage page = leads.page(USER, "com", LeadQuery.of(null, "nobody", null, null), 1, 20);

        assertTrue(page.rows().isEmpty());
        assertFalse(page.more());
        StubZohoServer.Recorded search = zoho.requests().get(1);
        assertEquals("/api/com/crm/v8/Leads/search", search.path());
        assertEquals("nobody", search.query().get("word"));
    }

    public void statusAndTextAreOneEscapedCriteria() {
        zoho.reply(200, FIELDS).reply(204, "");

        leads.page(USER, "com", LeadQuery.of("Contacted", "a)or(b", null, null), 1, 20);

        assertEquals("((Lead_Status:equals:Contacted)and((First_Name:starts_with:a\\)or\\(b)"
                + "or(Last_Name:starts_with:a\\)or\\(b)or(Email:starts_with:a\\)or\\(b)))",
                zoho.requests().get(1).query().get("criteria"));
    }

    public void busyZohoIsOneCallAndARateLimitedFailure() {
        zoho.reply(200, FIELDS).reply(429, BUSY).reply(200, ONE_LEAD);

        ZohoApiException e = assertThrows(ZohoApiException.class, () -> leads.page(USER, "com", LeadQuery.all(), 1, 20));

        assertEquals(ZohoApiException.Kind.RATE_LIMITED, e.kind());
        assertEquals(2, zoho.requests().size(), "no retry after a 429");
    }

    public void aSlowZohoIsATimeoutAfterOneCall() {
        leads = leadsWithTimeout(Duration.ofMillis(500));
        zoho.reply(200, FIELDS).replyAfter(3_000, 200, ONE_LEAD);

        ZohoApiException e = assertThrows(ZohoApiException.class, () -> leads.page(USER, "com", LeadQuery.all(), 1, 20));

        assertEquals(ZohoApiException.Kind.UNAVAILABLE, e.kind());
        assertEquals(2, zoho.requests().size());
    }

    public void pagesPastWhatCrmPagesCostNothing() {
        LeadPage page = leads.page(USER, "com", LeadQuery.all(), 101, 20);

        assertTrue(page.rows().isEmpty());
        assertTrue(zoho.requests().isEmpty());
    }

    public void aDuplicateEmailIsReportedWithTheExistingLeadAndNothingElseIsSent() {
        zoho.reply(200, FIELDS).reply(400, """
                {"data":[{"code":"DUPLICATE_DATA","details":{"api_name":"Email","json_path":"$.data[0].Email",
                  "duplicate_record":{"id":"5725767000000411001","module":{"api_name":"Leads","id":"9"},
                  "Owner":{"name":"Noah Fernandes","id":"2","zuid":"3"}},"more_records":false},
                  "message":"duplicate data","status":"error"}]}""");

        LeadCreation c = leads.create(USER, "com", "sub-1", form("Ana", "Silva", "meera@example.com"));

        assertTrue(c.duplicate());
        assertEquals("5725767000000411001", c.leadId());
        assertTrue(c.message().contains("already exists") && c.message().contains("Noah Fernandes"), c.message());
        StubZohoServer.Recorded create = zoho.requests().get(1);
        assertEquals("POST", create.method());
        assertEquals("/api/com/crm/v8/Leads", create.path());
        assertTrue(create.body().contains("\"duplicate_check_fields\":[\"Email\"]"), create.body());
        assertTrue(create.body().contains("\"Course_of_Interest\":\"Cloud Practitioner\""), create.body());
    }

    public void anInvalidFormIsRefusedBeforeAnyCall() {
        LeadCreation c = leads.create(USER, "com", "sub-2", form("Ana", " ", "not-an-email"));

        assertEquals(LeadCreation.Outcome.REFUSED, c.outcome());
        assertTrue(c.message().contains("Last name is required"), c.message());
        assertTrue(zoho.requests().isEmpty());
    }

    public void theSameSubmissionSentTwiceAtOnceCreatesOnce() throws Exception {
        zoho.reply(200, FIELDS).replyAfter(600, 201, """
                {"data":[{"code":"SUCCESS","details":{"id":"5725767000000999001"},"message":"record added","status":"success"}]}""");
        leads.picklists(USER, "com");

        CompletableFuture<LeadCreation> first = CompletableFuture.supplyAsync(
                () -> leads.create(USER, "com", "sub-3", form("Ana", "Silva", "ana@example.org")));
        Thread.sleep(150);
        LeadCreation second = leads.create(USER, "com", "sub-3", form("Ana", "Silva", "ana@example.org"));

        assertTrue(first.get().created());
        assertTrue(second.created());
        assertTrue(second.repeated());
        assertEquals(1, zoho.requests().stream().filter(r -> r.method().equals("POST")).count());
    }

    public void aFailedSubmissionCanBeSentAgain() {
        zoho.reply(200, FIELDS).reply(429, BUSY).reply(201, """
                {"data":[{"code":"SUCCESS","details":{"id":"5725767000000999002"},"message":"record added","status":"success"}]}""");

        assertThrows(ZohoApiException.class, () -> leads.create(USER, "com", "sub-4", form("Ana", "Silva", "ana@example.org")));
        LeadCreation again = leads.create(USER, "com", "sub-4", form("Ana", "Silva", "ana@example.org"));

        assertTrue(again.created());
        assertFalse(again.repeated());
    }

    public void aStatusChangeIsOneGuardedUpdateAndInvalidDataIsARefusalInWords() {
        zoho.reply(200, FIELDS).reply(400, """
                {"data":[{"code":"INVALID_DATA","details":{"api_name":"Lead_Status","json_path":"$.data[0].Lead_Status"},
                  "message":"invalid data","status":"error"}]}""");
        LeadRow lead = new LeadRow("5725767000000411001", "Meera", "Iyer", null, null, null, null, "Not Contacted",
                null, null, null, null, Instant.parse("2025-01-07T10:00:00Z"));

        LeadStatusChange change = leads.changeStatus(USER, "com", lead, "Contacted");

        assertFalse(change.changed());
        assertTrue(change.message().contains("did not accept the status"), change.message());
        StubZohoServer.Recorded put = zoho.requests().get(1);
        assertEquals("PUT", put.method());
        assertEquals("/api/com/crm/v8/Leads/5725767000000411001", put.path());
        assertEquals("Tue, 07 Jan 2025 10:00:00 GMT", put.header("If-Unmodified-Since"));
        assertTrue(put.body().contains("\"Lead_Status\":\"Contacted\""), put.body());
    }

    public void aStatusOutsideThePicklistIsRefusedWithoutAnUpdate() {
        zoho.reply(200, FIELDS);
        LeadRow lead = new LeadRow("5725767000000411001", null, "Iyer", null, null, null, null, "Contacted",
                null, null, null, null, null);

        LeadStatusChange change = leads.changeStatus(USER, "com", lead, "<b>Hacked</b>");

        assertFalse(change.changed());
        assertEquals(1, zoho.requests().size());
    }

    private static LeadForm form(String first, String last, String email) {
        LeadForm f = new LeadForm();
        f.setFirstName(first);
        f.setLastName(last);
        f.setEmail(email);
        f.setCourseOfInterest("Cloud Practitioner");
        f.setLeadSource("Web Site");
        return f;
    }
}
