package com.zylker.portal.core.zoho.crm;

import com.zylker.portal.core.testsupport.StubZohoServer;
import com.zylker.portal.core.zoho.AccessTokens;
import com.zylker.portal.core.zoho.ZohoAccess;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoCallObserver;
import com.zylker.portal.core.zoho.http.ZohoTransport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ZohoCrmClientTest {

    private static final String USER = "priya.raman@zylkeracademy.com";
    private static final String OLD = "1000.old-access";
    private static final String NEW = "1000.new-access";

    private static final String INVALID_TOKEN = "{\"code\":\"INVALID_TOKEN\",\"details\":{},"
            + "\"message\":\"invalid oauth token\",\"status\":\"error\"}";
    private static final String DEALS_PAGE = """
            {"data":[
              {"id":"5725767000000411001","Deal_Name":"Ana Silva — Java Bootcamp","Stage":"Negotiation/Review",
               "Amount":1499.5,"Closing_Date":"2025-03-14","Probability":90,"Expected_Revenue":1349.55,
               "Owner":{"name":"Priya Raman","id":"5725767000000333001","email":"priya.raman@zylkeracademy.com"},
               "Account_Name":{"name":"Acme GmbH","id":"5725767000000222001"},"$approval":{"delegate":false}},
              {"id":"5725767000000411008","Deal_Name":"Bare deal","Stage":null,"Amount":null,"Owner":null}
            ],
            "info":{"per_page":2,"count":2,"page":3,"sort_by":"Created_Time","sort_order":"desc",
                    "more_records":true,"next_page_token":"tok-next","previous_page_token":null,
                    "page_token_expiry":"2025-01-07T09:00:00+00:00"}}""";

    private StubZohoServer zoho;
    private FakeTokens tokens;
    private ZohoCrmClient crm;

    @BeforeEach
    void start() throws IOException {
        zoho = new StubZohoServer();
        tokens = new FakeTokens(URI.create(zoho.base() + "/zoho-sandbox/api/eu"));
        crm = client(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        zoho.close();
    }

    private ZohoCrmClient client(Duration requestTimeout) {
        return new ZohoCrmClient(new ZohoApiCalls(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
                tokens, requestTimeout, ZohoCallObserver.NONE));
    }

    /** Hands out {@link #OLD}, and {@link #NEW} after a rejection; counts the renewals. */
    static final class FakeTokens implements AccessTokens {
        final URI apiDomain;
        final List<String> rejected = new ArrayList<>();

        FakeTokens(URI apiDomain) {
            this.apiDomain = apiDomain;
        }

        @Override
        public ZohoAccess current(String user) {
            return new ZohoAccess(rejected.isEmpty() ? OLD : NEW, apiDomain);
        }

        @Override
        public ZohoAccess renewAfterRejection(String user, String rejectedAccessToken) {
            rejected.add(rejectedAccessToken);
            return new ZohoAccess(NEW, apiDomain);
        }
    }

    @Test
    void listsDealsWithOnlyTheNeededFieldsAndMapsThem() {
        zoho.reply(200, DEALS_PAGE);

        CrmPage<Deal> page = crm.deals(USER, new CrmPageRequest(3, 2, null, "Created_Time", "desc"));

        assertThat(page.records()).containsExactly(
                new Deal("5725767000000411001", "Ana Silva — Java Bootcamp", "Negotiation/Review",
                        new BigDecimal("1499.5"), LocalDate.of(2025, 3, 14), "Acme GmbH", "Priya Raman",
                        "priya.raman@zylkeracademy.com", 90, "5725767000000333001", null, null, null),
                new Deal("5725767000000411008", "Bare deal", null, null, null, null, null, null, null, null, null,
                        null, null));
        StubZohoServer.Recorded request = zoho.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/zoho-sandbox/api/eu/crm/v8/Deals");
        assertThat(request.header("Authorization")).isEqualTo("Zoho-oauthtoken " + OLD);
        assertThat(request.query()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fields", CrmModule.DEALS.fields(),
                "page", "3", "per_page", "2", "sort_by", "Created_Time", "sort_order", "desc"));
    }

    @Test
    void mapsPagingInfo() {
        zoho.reply(200, DEALS_PAGE);

        CrmPage<Deal> page = crm.deals(USER, CrmPageRequest.of(3, 2));

        assertThat(page.page()).isEqualTo(3);
        assertThat(page.perPage()).isEqualTo(2);
        assertThat(page.moreRecords()).isTrue();
        assertThat(page.nextPageToken()).isEqualTo("tok-next");
    }

    @Test
    void pageTokenReplacesPage() {
        zoho.reply(204, "");

        crm.leads(USER, new CrmPageRequest(11, 200, "tok-next", null, null));

        assertThat(zoho.onlyRequest().query()).containsEntry("page_token", "tok-next").containsEntry("per_page", "200")
                .doesNotContainKeys("page", "sort_by", "sort_order");
    }

    @Test
    void noContentIsAnEmptyPage() {
        zoho.reply(204, "");

        assertThat(crm.deals(USER, CrmPageRequest.of(1, 50))).isEqualTo(CrmPage.empty());
    }

    @Test
    void listsLeads() {
        zoho.reply(200, """
                {"data":[{"id":"5725767000000555001","First_Name":"Jonas","Last_Name":"Weber",
                  "Email":"jonas.weber@example.org","Phone":4930555123,"Company":null,"Lead_Source":"Web Site",
                  "Lead_Status":"Contacted","Created_Time":"2025-01-06T14:30:00+05:30","Full_Name":"Jonas Weber"}],
                 "info":{"per_page":50,"page":1,"more_records":false}}""");

        CrmPage<Lead> page = crm.leads(USER, CrmPageRequest.of(1, 50));

        assertThat(page.records()).containsExactly(new Lead("5725767000000555001", "Jonas", "Weber",
                "jonas.weber@example.org", "4930555123", null, "Web Site", "Contacted",
                Instant.parse("2025-01-06T09:00:00Z")));
        assertThat(page.moreRecords()).isFalse();
        assertThat(page.nextPageToken()).isNull();
        assertThat(zoho.onlyRequest().query()).containsEntry("fields",
                "First_Name,Last_Name,Email,Phone,Company,Lead_Source,Lead_Status,Created_Time");
    }

    @Test
    void invalidTokenIsRenewedOnceAndRetriedWithTheNewToken() {
        zoho.reply(401, INVALID_TOKEN).reply(200, DEALS_PAGE);

        CrmPage<Deal> page = crm.deals(USER, CrmPageRequest.of(1, 2));

        assertThat(page.records()).hasSize(2);
        assertThat(tokens.rejected).containsExactly(OLD);
        assertThat(zoho.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Zoho-oauthtoken " + OLD, "Zoho-oauthtoken " + NEW);
    }

    @Test
    void aRenewedTokenRefusedTooIsRenewedOnceMore() {
        // The first renewal may only hand back what another WAR stored meanwhile; the second really refreshes.
        zoho.reply(401, INVALID_TOKEN).reply(401, INVALID_TOKEN).reply(200, DEALS_PAGE);

        CrmPage<Deal> page = crm.deals(USER, CrmPageRequest.of(1, 2));

        assertThat(page.records()).hasSize(2);
        assertThat(tokens.rejected).containsExactly(OLD, NEW);
        assertThat(zoho.requests()).hasSize(3);
    }

    @Test
    void thirdRejectionIsUnauthorizedWithoutAnotherCall() {
        zoho.reply(401, INVALID_TOKEN).reply(401, INVALID_TOKEN).reply(401, INVALID_TOKEN).reply(200, DEALS_PAGE);

        ZohoApiException e = catchThrowableOfType(() -> crm.deals(USER, CrmPageRequest.of(1, 2)),
                ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.zohoCode()).isEqualTo("INVALID_TOKEN");
        assertThat(tokens.rejected).hasSize(2);
        assertThat(zoho.requests()).as("bounded: no retry storm").hasSize(3);
        assertThat(e.getMessage()).doesNotContain(OLD, NEW);
    }

    @Test
    void scopeMismatchIsNotRetried() {
        zoho.reply(401, "{\"code\":\"OAUTH_SCOPE_MISMATCH\",\"details\":{},"
                + "\"message\":\"invalid oauth scope to access this URL\",\"status\":\"error\"}");

        ZohoApiException e = catchThrowableOfType(() -> crm.currentUser(USER), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.SCOPE_MISMATCH);
        assertThat(tokens.rejected).isEmpty();
        assertThat(zoho.requests()).hasSize(1);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        zoho.reply(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"limit\",\"status\":\"error\"}",
                "Retry-After", "30");

        ZohoApiException e = catchThrowableOfType(() -> crm.leads(USER, CrmPageRequest.of(1, 10)),
                ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.zohoCode()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(e.getMessage()).isEqualTo("Zoho is busy — please retry in 30 s");
    }

    @Test
    void tooManyRequestsWithoutHeaderWaitsAMinute() {
        zoho.reply(429, "");

        ZohoApiException e = catchThrowableOfType(() -> crm.leads(USER, CrmPageRequest.of(1, 10)),
                ZohoApiException.class);

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(e.getMessage()).isEqualTo("Zoho is busy — please retry in 60 s");
    }

    @Test
    void serverErrorIsUnavailable() {
        zoho.reply(500, "{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"Internal Server Error\",\"status\":\"error\"}");

        ZohoApiException e = catchThrowableOfType(() -> crm.deal(USER, "5725767000000411001"), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.httpStatus()).isEqualTo(500);
    }

    @Test
    void slowServerIsUnavailableWithinTheTimeout() {
        ZohoCrmClient impatient = client(Duration.ofMillis(300));
        zoho.replyAfter(2_000, 200, DEALS_PAGE);

        ZohoApiException e = assertTimeoutPreemptively(Duration.ofMillis(1_800),
                () -> catchThrowableOfType(() -> impatient.deals(USER, CrmPageRequest.of(1, 2)), ZohoApiException.class));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void badRequestIsInvalidRequestWithZohosCodeAndMessage() {
        zoho.reply(400, "{\"code\":\"REQUIRED_PARAM_MISSING\",\"details\":{\"param\":\"fields\"},"
                + "\"message\":\"One of the expected parameter is missing\",\"status\":\"error\"}");

        ZohoApiException e = catchThrowableOfType(() -> crm.deals(USER, CrmPageRequest.of(1, 2)), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(e.zohoCode()).isEqualTo("REQUIRED_PARAM_MISSING");
        assertThat(e.getMessage()).contains("One of the expected parameter is missing");
    }

    @Test
    void createsLeadWithDuplicateCheckOnEmail() {
        zoho.reply(201, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"Modified_Time\":\"2025-01-06T09:00:00+00:00\","
                + "\"id\":\"5725767000000555099\",\"Created_By\":{\"name\":\"Priya Raman\",\"id\":\"1\"}},"
                + "\"message\":\"record added\",\"status\":\"success\"}]}");

        CrmWriteResult result = crm.createLead(USER,
                new NewLead("Ana", "Silva", "ana@example.org", null, "Acme", "Web Site", null));

        assertThat(result.code()).isEqualTo("SUCCESS");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.recordId()).isEqualTo("5725767000000555099");
        assertThat(result.details()).containsEntry("Created_By.name", "Priya Raman");
        StubZohoServer.Recorded request = zoho.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/zoho-sandbox/api/eu/crm/v8/Leads");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getJsonArray("duplicate_check_fields").getString(0)).isEqualTo("Email");
        JsonObject record = body.getJsonArray("data").getJsonObject(0);
        assertThat(record.keySet()).containsExactlyInAnyOrder("First_Name", "Last_Name", "Email", "Company", "Lead_Source");
        assertThat(record.getString("Last_Name")).isEqualTo("Silva");
    }

    @Test
    void duplicateLeadIsAResultNotAnException() {
        zoho.reply(400, """
                {"data":[{"code":"DUPLICATE_DATA","details":{"api_name":"Email","json_path":"$.data[0].Email",
                  "more_records":false,"duplicate_record":{"id":"5725767000000555001","module":{"api_name":"Leads"},
                  "Owner":{"name":"Priya Raman","id":"1","email":"p@x"}}},"message":"duplicate data","status":"error"}]}""");

        CrmWriteResult result = crm.createLead(USER, new NewLead(null, "Weber", "jonas.weber@example.org",
                null, null, null, null));

        assertThat(result.duplicate()).isTrue();
        assertThat(result.status()).isEqualTo("error");
        assertThat(result.recordId()).isNull();
        assertThat(result.details()).containsEntry("api_name", "Email")
                .containsEntry("duplicate_record.id", "5725767000000555001")
                .containsEntry("more_records", "false");
    }

    @Test
    void multiStatusGivesThePerRecordResult() {
        zoho.reply(207, """
                {"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},"message":"required field not found","status":"error"},
                         {"code":"SUCCESS","details":{"id":"9"},"message":"record added","status":"success"}]}""");

        CrmWriteResult result = crm.createLead(USER, new NewLead(null, "X", null, null, null, null, null));

        assertThat(result.code()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("required field not found");
    }

    @Test
    void updatesDealStageAndReportsBlueprintRefusal() {
        zoho.reply(400, "{\"data\":[{\"code\":\"RECORD_IN_BLUEPRINT\",\"details\":{\"id\":\"5725767000000411001\"},"
                + "\"message\":\"record is in blueprint\",\"status\":\"error\"}]}");

        CrmWriteResult result = crm.updateDealStage(USER, "5725767000000411001", "Closed Won");

        assertThat(result.code()).isEqualTo("RECORD_IN_BLUEPRINT");
        assertThat(result.recordId()).isNull();
        StubZohoServer.Recorded request = zoho.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/zoho-sandbox/api/eu/crm/v8/Deals/5725767000000411001");
        assertThat(request.body()).isEqualTo("{\"data\":[{\"Stage\":\"Closed Won\"}]}");
    }

    @Test
    void writeRetriesOnceAfterInvalidToken() {
        zoho.reply(401, INVALID_TOKEN)
                .reply(200, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"5\"},\"message\":\"record updated\",\"status\":\"success\"}]}");

        CrmWriteResult result = crm.updateDealStage(USER, "5", "Qualification");

        assertThat(result.recordId()).isEqualTo("5");
        assertThat(zoho.requests()).extracting(StubZohoServer.Recorded::body)
                .containsExactly("{\"data\":[{\"Stage\":\"Qualification\"}]}", "{\"data\":[{\"Stage\":\"Qualification\"}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\":[{\"id\":\"1\",", "<html>oops</html>", "[]",
            "{\"data\":[{\"id\":\"1\",\"Amount\":\"lots\"}]}", "{\"data\":[{\"id\":\"1\",\"Closing_Date\":\"next week\"}]}",
            "{\"data\":[{\"Deal_Name\":\"no id\"}]}", "{\"data\":\"not a list\"}"})
    void unreadableAnswerIsAClearProtocolError(String body) {
        zoho.reply(200, body);

        ZohoApiException e = catchThrowableOfType(() -> crm.deals(USER, CrmPageRequest.of(1, 2)), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).startsWith("Zoho CRM list Deals: ");
    }

    @Test
    void oversizedAnswerIsRefused() {
        zoho.reply(200, "{\"data\":[],\"pad\":\"" + "x".repeat(ZohoTransport.MAX_BODY_BYTES) + "\"}");

        ZohoApiException e = catchThrowableOfType(() -> crm.deals(USER, CrmPageRequest.of(1, 2)), ZohoApiException.class);

        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("larger than");
    }

    @Test
    void missingDealIsEmpty() {
        zoho.reply(204, "");

        assertThat(crm.deal(USER, "5725767000000411001")).isEmpty();
        assertThat(zoho.onlyRequest().path()).isEqualTo("/zoho-sandbox/api/eu/crm/v8/Deals/5725767000000411001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../users", "1/../../x", "", "12a", "1?x=1"})
    void refusesNonNumericRecordIdsBeforeCallingZoho(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> crm.deal(USER, id));
        assertThat(zoho.requests()).isEmpty();
    }

    @Test
    void readsCurrentUser() {
        zoho.reply(200, """
                {"users":[{"id":"5725767000000333001","first_name":"Priya","last_name":"Raman","full_name":"Priya Raman",
                  "email":"priya.raman@zylkeracademy.com","zuid":"60012345678",
                  "role":{"name":"CEO","id":"57257670000001003"},"profile":{"name":"Administrator","id":"5725767000000200013"},
                  "status":"active","confirm":true}],
                 "info":{"per_page":200,"count":1,"page":1,"more_records":false}}""");

        CrmUser user = crm.currentUser(USER);

        assertThat(user).isEqualTo(new CrmUser("5725767000000333001", "Priya Raman", "priya.raman@zylkeracademy.com",
                "CEO", "Administrator"));
        assertThat(zoho.onlyRequest().query()).containsExactly(Map.entry("type", "CurrentUser"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 201, -1})
    void pageRequestRefusesPerPageOutsideZohosRange(int perPage) {
        assertThatIllegalArgumentException().isThrownBy(() -> CrmPageRequest.of(1, perPage));
    }

    @Test
    void accessToStringRedactsTheToken() {
        assertThat(new ZohoAccess(OLD, URI.create("https://www.zohoapis.eu")).toString())
                .doesNotContain(OLD).contains("https://www.zohoapis.eu");
    }
}
