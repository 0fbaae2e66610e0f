package com.zylker.sandbox.contract;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP contract tests of the whole sandbox against the documented Zoho shapes (golden files), on the real WAR
 * in Payara Micro. One class, because every IT class boots its own server. Redirects are never followed: the
 * Location header is part of the contract.
 */
@ExtendWith(ArquillianExtension.class)
class ZohoSandboxContractIT {

    private static final String CLIENT_ID = "1000.ZYLKERDEMO";
    private static final String SECRET = "zylker-sandbox-demo-secret";
    private static final String REDIRECT = "http://localhost:8080/oauth/callback";
    private static final String ALL_SCOPES = "AaaServer.profile.READ,ZohoCRM.modules.ALL,ZohoCRM.users.READ";
    /** Exactly what the portal asks for. */
    static final String PORTAL_SCOPES = "AaaServer.profile.READ,ZohoCRM.modules.ALL,ZohoCRM.users.READ,"
            + "ZohoCRM.settings.fields.READ,ZohoCRM.org.READ,ZohoCRM.coql.READ,ZohoSearch.securesearch.READ,"
            + "ZohoBooks.invoices.ALL,ZohoBooks.contacts.ALL,ZohoBooks.customerpayments.ALL,ZohoBooks.settings.READ";
    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String AISHA = "aisha.khan@zylkeracademy.com";
    private static final String NOAH = "noah.williams@zylkeracademy.com";
    private static final String OUTSIDER = "oscar.vance@northwind-tutors.example";
    private static final String MAIN_ORG = "810000001";
    private static final String EUROPE_ORG = "810000002";
    private static final String LUKAS = "lukas.schneider@zylkeracademy.eu";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/zoho-sandbox.war"));
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    @BeforeEach
    void reset() throws Exception {
        String u = url.toString();
        base = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        assertThat(post("/control/reset", "{}").statusCode()).isEqualTo(200);
    }

    // ---- accounts: pages and redirects -------------------------------------------------------------------

    @Test
    void signInPageListsDemoUsersAndConsentPageListsScopes() throws Exception {
        HttpResponse<String> signIn = get("/accounts/com/oauth/v2/auth?" + authQuery("offline", "consent", "s1"), null);
        HttpResponse<String> consent = postForm(formAction(signIn.body()),
                formWith(hiddenFields(signIn.body()), "user", PRIYA));

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("Zoho sandbox (local stand-in)", "id=\"user-priya-raman\"",
                "id=\"user-daniel-brooks\"", "id=\"user-aisha-khan\"", "id=\"user-lukas-schneider\"");
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("id=\"consent-accept\"", "id=\"consent-deny\"",
                "AaaServer.profile.READ", "ZohoCRM.modules.ALL");
    }

    @Test
    void signInPageEscapesTheState() throws Exception {
        HttpResponse<String> page = get("/accounts/com/oauth/v2/auth?"
                + authQuery("offline", "consent", "\"><script>alert(1)</script>"), null);

        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void euUserStartingAtComComesBackWithEuLocationAndCodeWorksOnlyAtEu() throws Exception {
        Map<String, String> callback = signInAndConsent("com", LUKAS, "offline", "consent", "xyz", "accept");

        assertThat(callback).containsEntry("state", "xyz").containsEntry("location", "eu")
                .containsEntry("accounts-server", base + "/accounts/eu").containsKey("code");
        String code = callback.get("code");
        HttpResponse<String> atCom = exchange("com", code);
        HttpResponse<String> atEu = exchange("eu", code);
        assertThat(atCom.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("token-error-invalid-code.json", atCom.body(), base);
        GoldenJson.assertMatches("token-success-code-offline.json", atEu.body(), base);
    }

    @Test
    void denyRedirectsWithAccessDeniedAndState() throws Exception {
        Map<String, String> callback = signInAndConsent("com", PRIYA, "offline", "consent", "st-9", "deny");

        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "st-9")
                .doesNotContainKey("code");
    }

    @Test
    void unknownClientGetsAnErrorPageAndNoRedirect() throws Exception {
        HttpResponse<String> r = get("/accounts/com/oauth/v2/auth?response_type=code&client_id=1000.NOPE&scope="
                + enc(ALL_SCOPES) + "&redirect_uri=" + enc(REDIRECT) + "&state=s", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() throws Exception {
        HttpResponse<String> r = get("/accounts/com/oauth/v2/auth?response_type=code&client_id=" + CLIENT_ID
                + "&scope=" + enc(ALL_SCOPES) + "&redirect_uri=" + enc("http://evil.example/cb") + "&state=s", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("Zoho sandbox (local stand-in)");
    }

    // ---- accounts: token endpoint ----------------------------------------------------------------------

    @Test
    void wrongClientSecretIsInvalidClientWithHttp200() throws Exception {
        String code = signInAndConsent("com", PRIYA, "offline", "consent", "s", "accept").get("code");

        HttpResponse<String> r = postForm("/accounts/com/oauth/v2/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", CLIENT_ID, "client_secret", "wrong", "redirect_uri", REDIRECT));

        assertThat(r.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("token-error-invalid-client.json", r.body(), base);
    }

    @Test
    void codeIsSingleUse() throws Exception {
        String code = signInAndConsent("com", PRIYA, "offline", "consent", "s", "accept").get("code");
        exchange("com", code);

        HttpResponse<String> second = exchange("com", code);

        assertThat(second.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("token-error-invalid-code.json", second.body(), base);
    }

    @Test
    void codeExpiresAfterTwoMinutesOfSandboxTime() throws Exception {
        String code = signInAndConsent("com", PRIYA, "offline", "consent", "s", "accept").get("code");
        post("/control/clock", "{\"advance_seconds\":121}");

        HttpResponse<String> r = exchange("com", code);

        GoldenJson.assertMatches("token-error-invalid-code.json", r.body(), base);
    }

    @Test
    void noRefreshTokenWithoutOfflineAccess() throws Exception {
        String code = signInAndConsent("com", PRIYA, "online", "consent", "s", "accept").get("code");

        JsonObject body = json(exchange("com", code).body());

        assertThat(body.containsKey("access_token")).isTrue();
        assertThat(body.containsKey("refresh_token")).isFalse();
    }

    @Test
    void eleventhRefreshInTenMinutesIsDeniedAndTheWindowResets() throws Exception {
        String refresh = tokens("com", PRIYA, ALL_SCOPES).getString("refresh_token");
        for (int i = 0; i < 10; i++) {
            GoldenJson.assertMatches("token-success-refresh.json", refresh("com", refresh).body(), base);
        }

        HttpResponse<String> eleventh = refresh("com", refresh);
        post("/control/clock", "{\"advance_seconds\":600}");
        HttpResponse<String> afterWindow = refresh("com", refresh);

        assertThat(eleventh.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("token-error-access-denied.json", eleventh.body(), base);
        GoldenJson.assertMatches("token-success-refresh.json", afterWindow.body(), base);
        JsonObject counters = json(get("/control/counters", null).body());
        assertThat(counters.getJsonObject("refreshes").getInt("com")).isEqualTo(12);
        assertThat(counters.getJsonObject("refreshes_by_user").getInt(PRIYA)).isEqualTo(12);
        assertThat(counters.getJsonObject("code_exchanges").getInt("com")).isEqualTo(1);
    }

    @Test
    void twentyFirstRefreshTokenDeletesTheOldest() throws Exception {
        List<JsonObject> grants = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            grants.add(tokens("com", PRIYA, ALL_SCOPES));
        }

        HttpResponse<String> oldest = refresh("com", grants.get(0).getString("refresh_token"));
        HttpResponse<String> second = refresh("com", grants.get(1).getString("refresh_token"));

        GoldenJson.assertMatches("token-error-invalid-code.json", oldest.body(), base);
        GoldenJson.assertMatches("token-success-refresh.json", second.body(), base);
        assertThat(crmGet("com", "/Deals?fields=Deal_Name&per_page=1", grants.get(0).getString("access_token"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void revokeEndsTheRefreshTokenAndItsAccessTokens() throws Exception {
        JsonObject t = tokens("com", PRIYA, ALL_SCOPES);

        HttpResponse<String> revoked = post("/accounts/com/oauth/v2/token/revoke?token="
                + enc(t.getString("refresh_token")), "");
        HttpResponse<String> again = post("/accounts/com/oauth/v2/token/revoke?token="
                + enc(t.getString("refresh_token")), "");

        assertThat(revoked.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("revoke-success.json", revoked.body(), base);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again.body()).containsKey("error")).isTrue();
        GoldenJson.assertMatches("token-error-invalid-code.json", refresh("com", t.getString("refresh_token")).body(), base);
        HttpResponse<String> api = crmGet("com", "/Deals?fields=Deal_Name", t.getString("access_token"));
        assertThat(api.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-invalid-token.json", api.body(), base);
    }

    @Test
    void userInfoNeedsAValidToken() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");

        HttpResponse<String> ok = get("/accounts/com/oauth/user/info", access);
        HttpResponse<String> bad = get("/accounts/com/oauth/user/info", "1000.bogus.bogus");

        assertThat(ok.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("userinfo-priya.json", ok.body(), base);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(json(bad.body()).containsKey("error")).isTrue();
    }

    @Test
    void tokenLifetimeFollowsTheControlSettingAndTheClock() throws Exception {
        post("/control/token-lifetime", "{\"seconds\":60}");
        JsonObject t = tokens("com", PRIYA, ALL_SCOPES);
        assertThat(crmGet("com", "/Deals?fields=Deal_Name&per_page=1", t.getString("access_token")).statusCode())
                .isEqualTo(200);

        post("/control/clock", "{\"advance_seconds\":61}");
        HttpResponse<String> expired = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", t.getString("access_token"));

        assertThat(t.getInt("expires_in")).isEqualTo(60);
        assertThat(expired.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-invalid-token.json", expired.body(), base);
    }

    @Test
    void revokeUserEndsAllOfTheirTokens() throws Exception {
        JsonObject t = tokens("com", PRIYA, ALL_SCOPES);

        post("/control/revoke-user", "{\"email\":\"" + PRIYA + "\"}");

        assertThat(crmGet("com", "/Deals?fields=Deal_Name", t.getString("access_token")).statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("token-error-invalid-code.json", refresh("com", t.getString("refresh_token")).body(), base);
    }

    @Test
    void injectedTokenFaultHitsTheNextCallOnly() throws Exception {
        String refresh = tokens("com", PRIYA, ALL_SCOPES).getString("refresh_token");
        post("/control/faults", "{\"family\":\"token\",\"status\":500,\"times\":1}");

        HttpResponse<String> faulted = refresh("com", refresh);
        HttpResponse<String> next = refresh("com", refresh);

        assertThat(faulted.statusCode()).isEqualTo(500);
        GoldenJson.assertMatches("token-success-refresh.json", next.body(), base);
    }

    // ---- CRM v8 ------------------------------------------------------------------------------------------

    @Test
    void tokenOnlyWorksAtTheDcThatIssuedIt() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");

        HttpResponse<String> r = crmGet("eu", "/Deals?fields=Deal_Name", access);

        assertThat(r.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-invalid-token.json", r.body(), base);
    }

    @Test
    void listReturnsTheRequestedFieldsAndZohoInfo() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");

        HttpResponse<String> r = crmGet("com", "/Deals?fields=Deal_Name,Stage,Amount,Owner,Account_Name&per_page=5", access);

        assertThat(r.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-list-deals-first-page.json", r.body(), base);
    }

    @Test
    void pageBeyondTheEndIs204WithAnEmptyBody() throws Exception {
        String access = tokens("eu", LUKAS, ALL_SCOPES).getString("access_token");

        HttpResponse<String> r = crmGet("eu", "/Deals?fields=Deal_Name&page=2&per_page=200", access);

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void listErrorsComeInZohoShape() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");
        String profileOnly = tokens("com", DANIEL(), "AaaServer.profile.READ").getString("access_token");

        HttpResponse<String> noFields = crmGet("com", "/Deals", access);
        HttpResponse<String> badModule = crmGet("com", "/Potatoes?fields=Name", access);
        HttpResponse<String> noScope = crmGet("com", "/Deals?fields=Deal_Name", profileOnly);
        HttpResponse<String> noToken = crmGet("com", "/Deals?fields=Deal_Name", null);

        assertThat(noFields.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-required-param-missing.json", noFields.body(), base);
        assertThat(badModule.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-invalid-module.json", badModule.body(), base);
        assertThat(noScope.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-scope-mismatch.json", noScope.body(), base);
        assertThat(noToken.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-any.json", noToken.body(), base);
    }

    @Test
    void injected429GetsZohosTooManyRequestsBody() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");
        post("/control/faults", "{\"family\":\"crm\",\"status\":429,\"times\":1}");

        HttpResponse<String> limited = crmGet("com", "/Deals?fields=Deal_Name", access);
        HttpResponse<String> next = crmGet("com", "/Deals?fields=Deal_Name", access);

        assertThat(limited.statusCode()).isEqualTo(429);
        GoldenJson.assertMatches("crm-error-too-many-requests.json", limited.body(), base);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json(get("/control/counters", null).body()).getJsonObject("api_calls").getInt("com")).isEqualTo(2);
    }

    @Test
    void pageStopsAtTwoThousandAndPageTokenGoesBeyond() throws Exception {
        assertThat(post("/control/bulk-leads", "{\"count\":2100}").statusCode()).isEqualTo(200);
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");

        HttpResponse<String> page10 = crmGet("com", "/Leads?fields=Email&page=10&per_page=200", access);
        HttpResponse<String> page11 = crmGet("com", "/Leads?fields=Email&page=11&per_page=200", access);
        String token = json(page10.body()).getJsonObject("info").getString("next_page_token");
        HttpResponse<String> beyond = crmGet("com", "/Leads?fields=Email&per_page=200&page_token=" + enc(token), access);

        assertThat(page10.statusCode()).isEqualTo(200);
        assertThat(page11.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-any.json", page11.body(), base);
        assertThat(beyond.statusCode()).isEqualTo(200);
        JsonObject beyondBody = json(beyond.body());
        assertThat(beyondBody.getJsonArray("data")).hasSize(200);
        assertThat(beyondBody.getJsonObject("info").getBoolean("more_records")).isTrue();
    }

    @Test
    void stageChangeIsSavedAndReportedPerRecord() throws Exception {
        String access = tokens("com", DANIEL(), ALL_SCOPES).getString("access_token");
        String id = json(crmGet("com", "/Deals?fields=Stage&per_page=1", access).body())
                .getJsonArray("data").getJsonObject(0).getString("id");

        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/api/com/crm/v8/Deals/" + id))
                .header("Authorization", "Zoho-oauthtoken " + access).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":[{\"Stage\":\"Negotiation/Review\"}]}")));
        JsonObject deal = json(crmGet("com", "/Deals/" + id, access).body()).getJsonArray("data").getJsonObject(0);

        assertThat(put.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-record-updated.json", put.body(), base);
        GoldenJson.assertMatches("crm-record-deal.json", crmGet("com", "/Deals/" + id, access).body(), base);
        assertThat(deal.getString("Stage")).isEqualTo("Negotiation/Review");
        assertThat(deal.getInt("Probability")).isEqualTo(90);
    }

    @Test
    void createWithDuplicateCheckGivesPerRecordResults() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");
        String existing = json(crmGet("com", "/Leads?fields=Email&per_page=1", access).body())
                .getJsonArray("data").getJsonObject(0).getString("Email");
        String body = "{\"data\":[{\"Last_Name\":\"Okoro\",\"First_Name\":\"Ada\",\"Email\":\"ada.okoro@example.com\"},"
                + "{\"Last_Name\":\"Again\",\"Email\":\"" + existing + "\"},{\"Email\":\"nolastname@example.com\"}],"
                + "\"duplicate_check_fields\":[\"Email\"]}";

        HttpResponse<String> mixed = crmPost("com", "/Leads", access, body);
        HttpResponse<String> allGood = crmPost("com", "/Leads", access,
                "{\"data\":[{\"Last_Name\":\"Fresh\",\"Email\":\"fresh.one@example.com\"}],\"duplicate_check_fields\":[\"Email\"]}");

        assertThat(mixed.statusCode()).isEqualTo(207);
        GoldenJson.assertMatches("crm-create-mixed.json", mixed.body(), base);
        assertThat(allGood.statusCode()).isEqualTo(201);
    }

    @Test
    void currentUserNeedsUsersScope() throws Exception {
        String access = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");
        String noUsers = tokens("com", DANIEL(), "ZohoCRM.modules.ALL").getString("access_token");

        HttpResponse<String> me = crmGet("com", "/users?type=CurrentUser", access);
        HttpResponse<String> refused = crmGet("com", "/users?type=CurrentUser", noUsers);

        assertThat(me.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-users-current-priya.json", me.body(), base);
        assertThat(refused.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-scope-mismatch.json", refused.body(), base);
    }

    @Test
    void eachDcHasItsOwnOrg() throws Exception {
        String eu = tokens("eu", LUKAS, ALL_SCOPES).getString("access_token");

        JsonObject deals = json(crmGet("eu", "/Deals?fields=Owner&per_page=200", eu).body());

        assertThat(deals.getJsonObject("info").getInt("count")).isEqualTo(40);
        assertThat(deals.getJsonArray("data").getJsonObject(0).getJsonObject("Owner").getString("email"))
                .isEqualTo(LUKAS);
    }

    @Test
    void theOutsiderSignsInWithAnotherDomainAndAnotherCrmOrganization() throws Exception {
        String outsider = tokens("com", OUTSIDER, PORTAL_SCOPES).getString("access_token");
        String priya = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");

        JsonObject profile = json(get("/accounts/com/oauth/user/info", outsider).body());
        String hisOrg = json(crmGet("com", "/org", outsider).body()).getJsonArray("org").getJsonObject(0).getString("id");
        String academyOrg = json(crmGet("com", "/org", priya).body()).getJsonArray("org").getJsonObject(0).getString("id");
        HttpResponse<String> signIn = get("/accounts/com/oauth/v2/auth?" + authQuery("offline", "consent", "s9"), null);

        assertThat(profile.getString("Email")).isEqualTo(OUTSIDER);
        assertThat(profile.getJsonNumber("ZUID").longValue()).isEqualTo(70099887001L);
        assertThat(hisOrg).isNotEqualTo(academyOrg).isEqualTo("8812345000000000900");
        assertThat(signIn.body()).contains("id=\"user-oscar-vance\"");
    }

    // ---- CRM v8: search, COQL, upsert, per-record errors, paging, limits, metadata --------------------------

    @Test
    void searchHasItsOwnRouteAndAnswers204OnlyWhenNothingMatches() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> noParams = crmGet("com", "/Deals/search", access);
        HttpResponse<String> hits = crmGet("com", "/Deals/search?word=Java&fields=Deal_Name,Stage", access);
        HttpResponse<String> byCriteria = crmGet("com", "/Deals/search?criteria="
                + enc("((Stage:equals:Closed Won)and(Amount:greater_than:100))"), access);
        HttpResponse<String> none = crmGet("com", "/Deals/search?criteria=" + enc("(Deal_Name:equals:No Such Deal)"), access);
        HttpResponse<String> beyond = crmGet("com", "/Deals/search?word=a&page=11&per_page=200", access);

        // The {id} route would have answered 204 ("no record called search"): a 400 proves the search route.
        assertThat(noParams.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-required-param-missing.json", noParams.body(), base);
        assertThat(hits.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-search-hits.json", hits.body(), base);
        assertThat(json(byCriteria.body()).getJsonArray("data")).allSatisfy(d ->
                assertThat(d.asJsonObject().getString("Stage")).isEqualTo("Closed Won"));
        assertThat(none.statusCode()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(beyond.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-limit-reached.json", beyond.body(), base);
    }

    @Test
    void searchNeedsTheSecureSearchScope() throws Exception {
        String noSearch = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");

        HttpResponse<String> r = crmGet("com", "/Deals/search?word=Java", noSearch);

        assertThat(r.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-scope-mismatch.json", r.body(), base);
    }

    @Test
    void coqlReturnsRowsAndReportsSyntaxErrors() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> rows = crmPost("com", "/coql", access, "{\"select_query\": \"select Deal_Name, Stage, Owner "
                + "from Deals where Stage = 'Closed Won' and Amount >= 1000 order by Amount desc limit 10\"}");
        HttpResponse<String> empty = crmPost("com", "/coql", access,
                "{\"select_query\": \"select Deal_Name from Deals where Deal_Name = 'nothing like this'\"}");
        HttpResponse<String> broken = crmPost("com", "/coql", access,
                "{\"select_query\": \"select Deal_Name from Deals where Stage == 'x'\"}");

        assertThat(rows.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-coql-rows.json", rows.body(), base);
        assertThat(json(rows.body()).getJsonArray("data")).hasSizeLessThanOrEqualTo(10);
        assertThat(empty.statusCode()).isEqualTo(204);
        assertThat(broken.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-syntax-error.json", broken.body(), base);
    }

    @Test
    void withheldScopeTakesEffectOnExistingTokensAndNewGrants() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        String coql = "{\"select_query\": \"select Deal_Name from Deals where Stage = 'Closed Won' limit 1\"}";

        HttpResponse<String> withheld = post("/control/withhold-scope",
                "{\"email\": \"" + PRIYA + "\", \"scope\": \"ZohoCRM.coql.READ\"}");
        HttpResponse<String> refused = crmPost("com", "/coql", access, coql);
        String fresh = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        HttpResponse<String> refusedFresh = crmPost("com", "/coql", fresh, coql);
        HttpResponse<String> listStillWorks = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        send(HttpRequest.newBuilder(URI.create(base + "/control/withhold-scope")).DELETE());
        HttpResponse<String> restored = crmPost("com", "/coql", access, coql);

        assertThat(withheld.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-scope-mismatch.json", refused.body(), base);
        assertThat(refusedFresh.statusCode()).isEqualTo(401);
        assertThat(listStillWorks.statusCode()).isEqualTo(200);
        assertThat(restored.statusCode()).isEqualTo(200);
    }

    @Test
    void upsertUpdatesTheMatchAndInsertsTheRest() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        String existing = json(crmGet("com", "/Leads?fields=Email&per_page=1", access).body())
                .getJsonArray("data").getJsonObject(0).getString("Email");

        HttpResponse<String> r = crmPost("com", "/Leads/upsert", access, "{\"data\": [{\"Last_Name\": \"Changed\", "
                + "\"Email\": \"" + existing + "\"}, {\"Last_Name\": \"Newcomer\", \"Email\": \"newcomer@example.com\"}],"
                + "\"duplicate_check_fields\": [\"Email\"]}");

        assertThat(r.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-upsert-update-and-insert.json", r.body(), base);
    }

    @Test
    void insertWithAnExistingLeadEmailIsDuplicateDataWith207() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        String existing = json(crmGet("com", "/Leads?fields=Email&per_page=1", access).body())
                .getJsonArray("data").getJsonObject(0).getString("Email");

        HttpResponse<String> r = crmPost("com", "/Leads", access, "{\"data\": [{\"Last_Name\": \"Unique\", "
                + "\"Email\": \"unique.person@example.com\"}, {\"Last_Name\": \"Twin\", \"Email\": \"" + existing + "\"}]}");

        assertThat(r.statusCode()).isEqualTo(207);
        GoldenJson.assertMatches("crm-create-duplicate-and-success.json", r.body(), base);
    }

    @Test
    void invalidValuesAreRefusedPerRecordWithTheFieldPath() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> r = crmPost("com", "/Deals", access, "{\"data\": ["
                + "{\"Deal_Name\": \"A\", \"Stage\": \"Needs Analysis\", \"Pipeline\": \"Corporate Training (Standard)\"},"
                + "{\"Deal_Name\": \"B\", \"Stage\": \"Qualification\", \"Pipeline\": \"Standard (Standard)\", \"Amount\": \"lots\"},"
                + "{\"Deal_Name\": \"" + "x".repeat(121) + "\", \"Stage\": \"Qualification\", \"Pipeline\": \"Standard (Standard)\"}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-record-invalid-data.json", r.body(), base);
    }

    @Test
    void blueprintDealRefusesAStageChangeButTakesTheTransition() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        String id = json(get("/control/state", null).body()).getJsonObject("blueprint_deals").getJsonArray("com")
                .getString(0);

        HttpResponse<String> r = crmPut("com", "/Deals/" + id, access, "{\"data\": [{\"Stage\": \"Closed Won\"}]}", null);
        HttpResponse<String> blueprint = crmGet("com", "/Deals/" + id + "/actions/blueprint", access);
        JsonObject transition = json(blueprint.body()).getJsonObject("blueprint").getJsonArray("transitions").getJsonObject(0);
        HttpResponse<String> moved = crmPut("com", "/Deals/" + id + "/actions/blueprint", access,
                "{\"blueprint\": [{\"transition_id\": \"" + transition.getString("id") + "\", \"data\": {}}]}", null);
        JsonObject deal = json(crmGet("com", "/Deals/" + id + "?fields=Stage", access).body()).getJsonArray("data")
                .getJsonObject(0);

        assertThat(r.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-record-in-blueprint.json", r.body(), base);
        GoldenJson.assertMatches("crm-blueprint.json", blueprint.body(), base);
        assertThat(moved.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-blueprint-transition-done.json", moved.body(), base);
        assertThat(deal.getString("Stage")).isEqualTo(transition.getString("next_field_value"));
    }

    @Test
    void ifUnmodifiedSinceRefusesAStaleUpdateWith412() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        JsonObject deal = json(crmGet("com", "/Deals?fields=Modified_Time&per_page=1", access).body())
                .getJsonArray("data").getJsonObject(0);
        String seen = deal.getString("Modified_Time");
        String path = "/Deals/" + deal.getString("id");

        HttpResponse<String> first = crmPut("com", path, access, "{\"data\": [{\"Next_Step\": \"Call\"}]}", seen);
        HttpResponse<String> stale = crmPut("com", path, access, "{\"data\": [{\"Next_Step\": \"Mail\"}]}", seen);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(412);
        GoldenJson.assertMatches("crm-record-already-modified.json", stale.body(), base);
    }

    @Test
    void pageTokenErrorsComeAsDocumented() throws Exception {
        post("/control/bulk-leads", "{\"count\": 100}");
        // Page tokens live 24 h; the access tokens must outlive the jump past that.
        post("/control/token-lifetime", "{\"seconds\": 200000}");
        String priya = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        String aisha = tokens("com", AISHA, PORTAL_SCOPES).getString("access_token");
        String token = json(crmGet("com", "/Leads?fields=Email&per_page=200", priya).body())
                .getJsonObject("info").getString("next_page_token");

        HttpResponse<String> both = crmGet("com", "/Leads?fields=Email&per_page=200&page=2&page_token=" + enc(token), priya);
        HttpResponse<String> otherUser = crmGet("com", "/Leads?fields=Email&per_page=200&page_token=" + enc(token), aisha);
        post("/control/clock", "{\"advance_seconds\": 90000}");
        HttpResponse<String> expired = crmGet("com", "/Leads?fields=Email&per_page=200&page_token=" + enc(token), priya);

        assertThat(both.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-ambiguity.json", both.body(), base);
        assertThat(otherUser.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-token-bound.json", otherUser.body(), base);
        assertThat(expired.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("crm-error-expired-value.json", expired.body(), base);
    }

    @Test
    void creditsHeaderFromHalfTheBudgetAnd429WithoutRetryAfter() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        post("/control/crm-credits", "{\"limit\": 4}");

        HttpResponse<String> first = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        HttpResponse<String> second = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        HttpResponse<String> spent = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        post("/control/faults", "{\"family\": \"crm\", \"status\": 429}");
        HttpResponse<String> injected = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);

        assertThat(first.headers().firstValue("X-API-CREDITS-REMAINING")).isEmpty();
        assertThat(second.headers().firstValue("X-API-CREDITS-REMAINING")).hasValue("2");
        assertThat(spent.statusCode()).isEqualTo(429);
        GoldenJson.assertMatches("crm-error-too-many-requests.json", spent.body(), base);
        assertThat(spent.headers().firstValue("Retry-After")).isEmpty();
        assertThat(injected.statusCode()).isEqualTo(429);
        assertThat(injected.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void settingsOrgAndCurrentUserServeTheDocumentedMetadata() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        String noSettings = tokens("com", PRIYA, ALL_SCOPES).getString("access_token");

        HttpResponse<String> fields = crmGet("com", "/settings/fields?module=Deals", access);
        HttpResponse<String> leadFields = crmGet("com", "/settings/fields?module=Leads", access);
        HttpResponse<String> layouts = crmGet("com", "/settings/layouts?module=Deals", access);
        GoldenJson.assertMatches("crm-settings-layouts.json", layouts.body(), base);
        String layoutId = json(layouts.body()).getJsonArray("layouts").getJsonObject(0).getString("id");
        HttpResponse<String> pipeline = crmGet("com", "/settings/pipeline?layout_id=" + layoutId, access);
        HttpResponse<String> org = crmGet("com", "/org", access);
        HttpResponse<String> refused = crmGet("com", "/settings/fields?module=Deals", noSettings);

        assertThat(fields.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("crm-settings-fields-deals.json", fields.body(), base);
        JsonObject stage = json(fields.body()).getJsonArray("fields").stream().map(f -> f.asJsonObject())
                .filter(f -> f.getString("api_name").equals("Stage")).findFirst().orElseThrow();
        stage.getJsonArray("pick_list_values").forEach(v ->
                GoldenJson.assertMatches("crm-settings-stage-value.json", v.toString(), base));
        assertThat(json(leadFields.body()).getJsonArray("fields").stream()
                .map(f -> f.asJsonObject().getString("api_name")))
                .contains("Lead_Status", "Lead_Source", "Course_of_Interest");
        GoldenJson.assertMatches("crm-settings-pipeline.json", pipeline.body(), base);
        assertThat(json(pipeline.body()).getJsonArray("pipeline").getJsonObject(0).getString("actual_value"))
                .isEqualTo("Standard (Standard)");
        GoldenJson.assertMatches("crm-org.json", org.body(), base);
        GoldenJson.assertMatches("crm-users-current-priya-details.json",
                crmGet("com", "/users?type=CurrentUser", access).body(), base);
        assertThat(refused.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("crm-error-scope-mismatch.json", refused.body(), base);
    }

    @Test
    void countersCountPerPathAndPerUser() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");
        crmPost("com", "/Leads", access, "{\"data\": [{\"Last_Name\": \"Counted\"}]}");

        JsonObject counters = json(get("/control/counters", null).body());

        assertThat(counters.getJsonObject("calls_by_path").getInt("POST /crm/v8/Leads")).isEqualTo(1);
        assertThat(counters.getJsonObject("calls_by_user_path").getJsonObject(PRIYA).getInt("POST /crm/v8/Leads"))
                .isEqualTo(1);
        assertThat(counters.getJsonObject("calls_by_user").getJsonObject(PRIYA).getInt("crm")).isEqualTo(1);
        assertThat(counters.getJsonObject("books_calls").getInt("com")).isZero();
    }

    @Test
    void allEightDataCentresExist() throws Exception {
        JsonObject info = json(get("/accounts/com/oauth/serverinfo", null).body());

        assertThat(info.getJsonObject("locations").keySet()).containsExactlyInAnyOrder("us", "eu", "in", "au", "jp",
                "ca", "sa", "uk");
        for (String dc : List.of("in", "com.au", "jp", "ca", "sa", "uk")) {
            assertThat(crmGet(dc, "/Deals?fields=Deal_Name", "1000.bogus.bogus").statusCode()).as(dc).isEqualTo(401);
        }
    }

    @Test
    void controlBoundsLatencyAndBulkAndListsIssuedTokens() throws Exception {
        String access = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> tooSlow = post("/control/latency", "{\"latency_ms\": 10001}");
        HttpResponse<String> faultTooSlow = post("/control/faults", "{\"family\": \"token\", \"delay_ms\": 60001}");
        HttpResponse<String> faultSlow = post("/control/faults", "{\"family\": \"revoke\", \"delay_ms\": 12000}");
        send(HttpRequest.newBuilder(URI.create(base + "/control/faults")).DELETE());
        HttpResponse<String> tooMany = post("/control/bulk-deals", "{\"count\": 10001}");
        HttpResponse<String> bulk = post("/control/bulk-deals", "{\"count\": 2300}");
        HttpResponse<String> latency = post("/control/latency", "{\"latency_ms\": 150}");
        long started = System.nanoTime();
        HttpResponse<String> slowCall = crmGet("com", "/Deals?fields=Deal_Name&per_page=1", access);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        JsonObject tokens = json(get("/control/tokens", null).body());

        assertThat(tooSlow.statusCode()).isEqualTo(400);
        assertThat(faultTooSlow.statusCode()).isEqualTo(400);
        assertThat(faultSlow.statusCode()).as("the portal's timeout tests delay a call by 12 s").isEqualTo(200);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(bulk.body()).getInt("total_deals")).isEqualTo(2560);
        assertThat(json(latency.body()).getInt("latency_ms")).isEqualTo(150);
        assertThat(slowCall.statusCode()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(150);
        assertThat(tokens.getJsonArray("tokens").stream().map(t -> t.asJsonObject().getString("token")))
                .contains(access);
    }

    // ---- Books v3 ----------------------------------------------------------------------------------------

    @Test
    void danielSeesTwoOrganizationsAndNoahOne() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        String noah = tokens("com", NOAH, PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> his = books("GET", "/organizations", null, daniel, null);
        HttpResponse<String> noahs = books("GET", "/organizations", null, noah, null);

        assertThat(his.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("books-organizations.json", his.body(), base);
        assertThat(json(his.body()).getJsonArray("organizations").stream()
                .map(o -> o.asJsonObject().getString("organization_id"))).containsExactly(MAIN_ORG, EUROPE_ORG);
        assertThat(json(noahs.body()).getJsonArray("organizations")).hasSize(1);
    }

    @Test
    void missingOrForeignOrganizationIdIsRefusedWith400() throws Exception {
        String priya = tokens("com", PRIYA, PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> missing = books("GET", "/invoices", null, priya, null);
        HttpResponse<String> foreign = books("GET", "/invoices", EUROPE_ORG, priya, null);

        assertThat(missing.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("books-error.json", missing.body(), base);
        assertThat(json(missing.body()).getString("message")).isEqualTo("Invalid value passed for organization_id");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign.body()).getString("message")).isEqualTo("This user is not associated with the organization");
    }

    @Test
    void booksRefusesBadTokensAndMissingScopesInItsOwnEnvelope() throws Exception {
        String crmOnly = tokens("com", DANIEL(), ALL_SCOPES).getString("access_token");

        HttpResponse<String> bogus = books("GET", "/organizations", null, "1000.bogus.bogus", null);
        HttpResponse<String> noScope = books("GET", "/invoices", MAIN_ORG, crmOnly, null);

        assertThat(bogus.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("books-error-bad-authentication.json", bogus.body(), base);
        assertThat(noScope.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("books-error-not-authorized.json", noScope.body(), base);
    }

    @Test
    void invoiceListFiltersSortsAndReturnsThePageContextObject() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> overdue = books("GET", "/invoices?filter_by=Status.OverDue&sort_column=due_date&sort_order=A"
                + "&per_page=25", MAIN_ORG, daniel, null);
        HttpResponse<String> tooMany = books("GET", "/invoices?per_page=201", MAIN_ORG, daniel, null);
        HttpResponse<String> europe = books("GET", "/invoices?per_page=200", EUROPE_ORG, daniel, null);

        assertThat(overdue.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("books-invoice-list.json", overdue.body(), base);
        List<String> due = json(overdue.body()).getJsonArray("invoices").stream()
                .map(i -> i.asJsonObject().getString("due_date")).toList();
        assertThat(due).isSorted();
        assertThat(tooMany.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("books-error.json", tooMany.body(), base);
        assertThat(json(europe.body()).getJsonArray("invoices")).allSatisfy(i ->
                assertThat(i.asJsonObject().getString("currency_code")).isEqualTo("EUR"));
    }

    @Test
    void invoiceDetailPdfAndUnknownInvoice() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        String id = firstInvoice(daniel, "paid").getString("invoice_id");

        HttpResponse<String> detail = books("GET", "/invoices/" + id, MAIN_ORG, daniel, null);
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/com/books/v3/invoices/" + id
                + "?organization_id=" + MAIN_ORG + "&accept=pdf")).header("Authorization", "Zoho-oauthtoken " + daniel)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> missing = books("GET", "/invoices/123", MAIN_ORG, daniel, null);

        assertThat(detail.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("books-invoice.json", detail.body(), base);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4").contains("%%EOF");
        assertThat(missing.statusCode()).isEqualTo(404);
        GoldenJson.assertMatches("books-error-invoice-not-found.json", missing.body(), base);
    }

    @Test
    void createdInvoiceIsADraftAndItsReferenceIsSearchable() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        String customer = firstInvoice(daniel, "sent").getString("customer_id");

        HttpResponse<String> created = books("POST", "/invoices", MAIN_ORG, daniel, "{\"customer_id\": \"" + customer
                + "\", \"reference_number\": \"ENROL-2026-001\", \"line_items\": [{\"name\": \"Cloud Practitioner\", "
                + "\"rate\": 1500, \"quantity\": 2, \"tax_id\": \"810000001900001\"}]}");
        HttpResponse<String> found = books("GET", "/invoices?search_text=ENROL-2026", MAIN_ORG, daniel, null);
        HttpResponse<String> broken = books("POST", "/invoices", MAIN_ORG, daniel, "{not json");

        assertThat(created.statusCode()).isEqualTo(201);
        GoldenJson.assertMatches("books-invoice-created.json", created.body(), base);
        assertThat(json(found.body()).getJsonArray("invoices")).hasSize(1);
        assertThat(broken.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("books-error-malformed-json.json", broken.body(), base);
        JsonObject counters = json(get("/control/counters", null).body());
        assertThat(counters.getJsonObject("calls_by_path").getInt("POST /books/v3/invoices")).isEqualTo(2);
        assertThat(counters.getJsonObject("calls_by_user_path").getJsonObject(DANIEL()).getInt("POST /books/v3/invoices"))
                .isEqualTo(2);
        assertThat(counters.getJsonObject("books_calls").getInt("com")).isEqualTo(4);
    }

    @Test
    void statusTransitionsOutsideTheLifeCycleAreRefused() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        String draft = firstInvoice(daniel, "draft").getString("invoice_id");

        HttpResponse<String> draftToDraft = books("POST", "/invoices/" + draft + "/status/draft", MAIN_ORG, daniel, "");
        HttpResponse<String> sent = books("POST", "/invoices/" + draft + "/status/sent", MAIN_ORG, daniel, "");
        HttpResponse<String> sentAgain = books("POST", "/invoices/" + draft + "/status/sent", MAIN_ORG, daniel, "");
        HttpResponse<String> voided = books("POST", "/invoices/" + draft + "/status/void", MAIN_ORG, daniel, "");
        HttpResponse<String> voidAgain = books("POST", "/invoices/" + draft + "/status/void", MAIN_ORG, daniel, "");
        HttpResponse<String> backToDraft = books("POST", "/invoices/" + draft + "/status/draft", MAIN_ORG, daniel, "");

        assertThat(draftToDraft.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("books-error.json", draftToDraft.body(), base);
        assertThat(sent.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("books-success-message.json", sent.body(), base);
        assertThat(sentAgain.statusCode()).isEqualTo(400);
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(voidAgain.statusCode()).isEqualTo(400);
        assertThat(backToDraft.statusCode()).isEqualTo(200);
    }

    @Test
    void emailContentAndSendingADraftMakesItSent() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        String draft = firstInvoice(daniel, "draft").getString("invoice_id");

        HttpResponse<String> content = books("GET", "/invoices/" + draft + "/email", MAIN_ORG, daniel, null);
        HttpResponse<String> sent = books("POST", "/invoices/" + draft + "/email", MAIN_ORG, daniel,
                "{\"to_mail_ids\": [\"someone@example.com\"], \"subject\": \"Your invoice\"}");
        JsonObject after = json(books("GET", "/invoices/" + draft, MAIN_ORG, daniel, null).body()).getJsonObject("invoice");

        GoldenJson.assertMatches("books-email-content.json", content.body(), base);
        assertThat(sent.statusCode()).isEqualTo(200);
        GoldenJson.assertMatches("books-success-message.json", sent.body(), base);
        assertThat(after.getString("status")).isIn("sent", "overdue");
        assertThat(after.getBoolean("is_emailed")).isTrue();
    }

    @Test
    void paymentOverTheBalanceIsRefusedAndAPaymentUpdatesTheInvoice() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        JsonObject open = firstInvoice(daniel, "sent");
        String id = open.getString("invoice_id");
        String over = open.getJsonNumber("balance").bigDecimalValue().add(java.math.BigDecimal.ONE).toPlainString();

        HttpResponse<String> refused = books("POST", "/customerpayments", MAIN_ORG, daniel, payment(open, over, over));
        HttpResponse<String> paid = books("POST", "/customerpayments", MAIN_ORG, daniel, payment(open, "25", "25"));
        JsonObject after = json(books("GET", "/invoices/" + id, MAIN_ORG, daniel, null).body()).getJsonObject("invoice");
        HttpResponse<String> payments = books("GET", "/invoices/" + id + "/payments", MAIN_ORG, daniel, null);

        assertThat(refused.statusCode()).isEqualTo(400);
        GoldenJson.assertMatches("books-error.json", refused.body(), base);
        assertThat(paid.statusCode()).isEqualTo(201);
        GoldenJson.assertMatches("books-payment-created.json", paid.body(), base);
        assertThat(after.getJsonNumber("balance").bigDecimalValue())
                .isEqualByComparingTo(open.getJsonNumber("balance").bigDecimalValue().subtract(new java.math.BigDecimal(25)));
        assertThat(after.getJsonNumber("payment_made").bigDecimalValue()).isEqualByComparingTo("25");
        assertThat(after.getString("status")).isEqualTo("partially_paid");
        assertThat(after.getString("last_payment_date")).isNotEmpty();
        GoldenJson.assertMatches("books-invoice-payments.json", payments.body(), base);
    }

    @Test
    void contactsListGetAndCreate() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> list = books("GET", "/contacts?contact_type=customer&search_text=acme", MAIN_ORG, daniel, null);
        String id = json(list.body()).getJsonArray("contacts").getJsonObject(0).getString("contact_id");
        HttpResponse<String> one = books("GET", "/contacts/" + id, MAIN_ORG, daniel, null);
        HttpResponse<String> created = books("POST", "/contacts", MAIN_ORG, daniel,
                "{\"contact_name\": \"Ada Okoro\", \"contact_type\": \"customer\", \"email\": \"ada.okoro@example.com\"}");
        HttpResponse<String> twice = books("POST", "/contacts", MAIN_ORG, daniel, "{\"contact_name\": \"Ada Okoro\"}");
        HttpResponse<String> byName = books("GET", "/contacts?contact_name_contains=okoro", MAIN_ORG, daniel, null);

        GoldenJson.assertMatches("books-contacts.json", list.body(), base);
        GoldenJson.assertMatches("books-contact.json", one.body(), base);
        assertThat(created.statusCode()).isEqualTo(201);
        GoldenJson.assertMatches("books-contact-created.json", created.body(), base);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(byName.body()).getJsonArray("contacts")).hasSize(1);
    }

    @Test
    void viewOnlyNoahMayReadInvoicesButEveryWriteIsRefused() throws Exception {
        String noah = tokens("com", NOAH, PORTAL_SCOPES).getString("access_token");
        JsonObject draft = firstInvoice(noah, "draft");
        JsonObject open = firstInvoice(noah, "sent");

        HttpResponse<String> create = books("POST", "/invoices", MAIN_ORG, noah, "{\"customer_id\": \""
                + open.getString("customer_id") + "\", \"line_items\": [{\"name\": \"x\", \"rate\": 1}]}");
        HttpResponse<String> send = books("POST", "/invoices/" + draft.getString("invoice_id") + "/status/sent", MAIN_ORG, noah, "");
        HttpResponse<String> voided = books("POST", "/invoices/" + open.getString("invoice_id") + "/status/void", MAIN_ORG, noah, "");
        HttpResponse<String> pay = books("POST", "/customerpayments", MAIN_ORG, noah, payment(open, "1", "1"));
        HttpResponse<String> read = books("GET", "/invoices/" + open.getString("invoice_id"), MAIN_ORG, noah, null);

        for (HttpResponse<String> refused : List.of(create, send, voided, pay)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            GoldenJson.assertMatches("books-error-not-authorized.json", refused.body(), base);
        }
        assertThat(read.statusCode()).isEqualTo(200);
    }

    @Test
    void hundredRequestsPerMinutePerOrganizationThen429AndTheControlResetsTheWindow() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        for (int i = 0; i < 100; i++) {
            assertThat(books("GET", "/invoices?per_page=1", MAIN_ORG, daniel, null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = books("GET", "/invoices?per_page=1", MAIN_ORG, daniel, null);
        HttpResponse<String> otherOrg = books("GET", "/invoices?per_page=1", EUROPE_ORG, daniel, null);
        post("/control/books-rate-reset", "{}");
        HttpResponse<String> afterReset = books("GET", "/invoices?per_page=1", MAIN_ORG, daniel, null);

        assertThat(limited.statusCode()).isEqualTo(429);
        GoldenJson.assertMatches("books-error-rate-limited.json", limited.body(), base);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        assertThat(otherOrg.statusCode()).isEqualTo(200);
        assertThat(afterReset.statusCode()).isEqualTo(200);
    }

    @Test
    void withheldBooksScopeIsRefusedWithCode57() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");

        post("/control/withhold-scope", "{\"email\": \"" + DANIEL() + "\", \"scope\": \"ZohoBooks.invoices.ALL\"}");
        HttpResponse<String> refused = books("GET", "/invoices", MAIN_ORG, daniel, null);
        HttpResponse<String> contacts = books("GET", "/contacts", MAIN_ORG, daniel, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        GoldenJson.assertMatches("books-error-not-authorized.json", refused.body(), base);
        assertThat(contacts.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownBooksPathsAndMethodsAnswerInTheBooksEnvelope() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");

        HttpResponse<String> unknown = books("GET", "/potatoes", MAIN_ORG, daniel, null);
        HttpResponse<String> wrongMethod = books("DELETE", "/organizations", null, daniel, "");
        HttpResponse<String> crmUnknown = crmGet("com", "/Deals/1/potatoes", daniel);

        assertThat(unknown.statusCode()).isEqualTo(404);
        GoldenJson.assertMatches("books-error-invalid-url.json", unknown.body(), base);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        GoldenJson.assertMatches("books-error-method-not-allowed.json", wrongMethod.body(), base);
        assertThat(crmUnknown.statusCode()).isEqualTo(404);
        assertThat(crmUnknown.body()).doesNotContain("Invalid URL Passed");
    }

    @Test
    void injectedBooksFaultUsesTheBooksEnvelope() throws Exception {
        String daniel = tokens("com", DANIEL(), PORTAL_SCOPES).getString("access_token");
        post("/control/faults", "{\"family\": \"books\", \"status\": 500}");

        HttpResponse<String> faulted = books("GET", "/organizations", null, daniel, null);
        HttpResponse<String> next = books("GET", "/organizations", null, daniel, null);

        assertThat(faulted.statusCode()).isEqualTo(500);
        GoldenJson.assertMatches("books-error.json", faulted.body(), base);
        assertThat(next.statusCode()).isEqualTo(200);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String DANIEL() {
        return "daniel.brooks@zylkeracademy.com";
    }

    private JsonObject tokens(String dc, String email, String scopes) throws Exception {
        String code = signInAndConsent(dc, email, "offline", "consent", "s", "accept", scopes).get("code");
        JsonObject body = json(exchange(dc, code).body());
        assertThat(body.containsKey("access_token")).as("token response %s", body).isTrue();
        return body;
    }

    private Map<String, String> signInAndConsent(String startDc, String email, String accessType, String prompt,
                                                 String state, String decision) throws Exception {
        return signInAndConsent(startDc, email, accessType, prompt, state, decision, ALL_SCOPES);
    }

    /** The browser's path: sign-in page → pick the user → consent page → Accept/Deny → redirect. */
    private Map<String, String> signInAndConsent(String startDc, String email, String accessType, String prompt,
                                                 String state, String decision, String scopes) throws Exception {
        HttpResponse<String> signIn = get("/accounts/" + startDc + "/oauth/v2/auth?"
                + authQuery(accessType, prompt, state).replace(enc(ALL_SCOPES), enc(scopes)), null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        HttpResponse<String> consent = postForm(formAction(signIn.body()),
                formWith(hiddenFields(signIn.body()), "user", email));
        assertThat(consent.statusCode()).isEqualTo(200);
        HttpResponse<String> redirect = postForm(formAction(consent.body()),
                formWith(hiddenFields(consent.body()), "decision", decision));
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private String authQuery(String accessType, String prompt, String state) {
        return "response_type=code&client_id=" + CLIENT_ID + "&scope=" + enc(ALL_SCOPES) + "&redirect_uri="
                + enc(REDIRECT) + "&access_type=" + accessType + "&prompt=" + prompt + "&state=" + enc(state);
    }

    private HttpResponse<String> exchange(String dc, String code) throws Exception {
        return postForm("/accounts/" + dc + "/oauth/v2/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", CLIENT_ID, "client_secret", SECRET, "redirect_uri", REDIRECT));
    }

    private HttpResponse<String> refresh(String dc, String refreshToken) throws Exception {
        return postForm("/accounts/" + dc + "/oauth/v2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", CLIENT_ID, "client_secret", SECRET));
    }

    private HttpResponse<String> crmGet(String dc, String path, String token) throws Exception {
        return get("/api/" + dc + "/crm/v8" + path, token);
    }

    private HttpResponse<String> crmPost(String dc, String path, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/" + dc + "/crm/v8" + path))
                .header("Authorization", "Zoho-oauthtoken " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> crmPut(String dc, String path, String token, String json, String unmodifiedSince)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/" + dc + "/crm/v8" + path))
                .header("Authorization", "Zoho-oauthtoken " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (unmodifiedSince != null) {
            b.header("If-Unmodified-Since", unmodifiedSince);
        }
        return send(b);
    }

    /** A Books call; {@code body} null means GET, otherwise the method given with a JSON body. */
    private HttpResponse<String> books(String method, String path, String orgId, String token, String body)
            throws Exception {
        String url = base + "/api/com/books/v3" + path;
        if (orgId != null) {
            url += (path.contains("?") ? "&" : "?") + "organization_id=" + orgId;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Zoho-oauthtoken " + token);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b);
    }

    private JsonObject firstInvoice(String token, String status) throws Exception {
        HttpResponse<String> r = books("GET", "/invoices?per_page=1&status=" + status, MAIN_ORG, token, null);
        return json(r.body()).getJsonArray("invoices").getJsonObject(0);
    }

    private static String payment(JsonObject invoice, String amount, String applied) {
        return "{\"customer_id\": \"" + invoice.getString("customer_id") + "\", \"payment_mode\": \"banktransfer\", "
                + "\"amount\": " + amount + ", \"reference_number\": \"BANK-1\", \"invoices\": [{\"invoice_id\": \""
                + invoice.getString("invoice_id") + "\", \"amount_applied\": " + applied + "}]}";
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Zoho-oauthtoken " + token);
        }
        return send(b);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code target} is a path below the base or an absolute URL (form actions are absolute). */
    private HttpResponse<String> postForm(String target, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        URI uri = URI.create(target.startsWith("http") ? target : base + target);
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formAction(String html) {
        Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("form in %s", html).isTrue();
        return unescape(m.group(1));
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return fields;
    }

    private static Map<String, String> formWith(Map<String, String> fields, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(fields);
        out.put(name, value);
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject json(String body) {
        return GoldenJson.parse(body).asJsonObject();
    }
}
