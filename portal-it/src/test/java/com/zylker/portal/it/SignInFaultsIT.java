package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Login with Zoho under bad input and faults, at the HTTP level against the whole portal: every problem gets a
 * clear page with a way back and no session; and the session itself — cookie flags, id rotation, return paths,
 * access-token refresh across token lifetimes, refused and failing refreshes.
 */
@ExtendWith(WholePortal.class)
class SignInFaultsIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String SESSION = "ZYSESSION";
    private static final String LOGIN_STATE = "ZYLOGIN";

    private RunningPortal portal;
    private PortalClient client;

    @BeforeEach
    void freshSandbox(RunningPortal portal) {
        this.portal = portal;
        portal.sandbox().reset();
        client = new PortalClient(portal.base());
    }

    @Test
    void signInSetsAHardenedSessionCookieAndLandsOnHome() {
        HttpResponse<String> callback = client.signIn(PRIYA);

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(PortalClient.location(callback).getPath()).isEqualTo("/home");
        String setCookie = callback.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        assertThat(setCookie).as("no Secure flag over plain http").doesNotContain("Secure");
        HttpResponse<String> home = client.get("/home");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Priya Raman");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void privatePagesSendVisitorsToSignInAndApisAnswer401() {
        HttpResponse<String> home = client.get("/home");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login?return=%2Fhome");
        assertThat(client.get("/crm/").statusCode()).isEqualTo(302);
        assertThat(client.get("/books/").statusCode()).isEqualTo(302);
        assertThat(client.get("/crm/api/summary").statusCode()).isEqualTo(401);
    }

    @Test
    void tamperedStateIsRefusedWithoutASession() {
        URI callback = client.authorize(client.startLogin(null), PRIYA, true);
        Map<String, String> params = PortalClient.query(callback);
        params.put("state", params.get("state") + "x");

        HttpResponse<String> response = client.get(PortalClient.withQuery(callback, params).toString());

        assertProblemPage(response, 400, "This sign-in has expired or was already used");
    }

    @Test
    void missingStateIsRefused() {
        URI callback = client.authorize(client.startLogin(null), PRIYA, true);
        Map<String, String> params = PortalClient.query(callback);
        params.remove("state");

        assertProblemPage(client.get(PortalClient.withQuery(callback, params).toString()), 400,
                "This sign-in has expired or was already used");
    }

    @Test
    void stateFromAnotherBrowserIsRefused() {
        URI callback = client.authorize(client.startLogin(null), PRIYA, true);
        PortalClient otherBrowser = new PortalClient(portal.base());

        assertProblemPage(otherBrowser, otherBrowser.get(callback.toString()), 400,
                "This sign-in has expired or was already used");
    }

    @Test
    void replayedCallbackIsRefused() {
        URI callback = client.authorize(client.startLogin(null), PRIYA, true);
        String stateCookie = client.cookie(LOGIN_STATE).orElseThrow();
        assertThat(client.get(callback.toString()).statusCode()).isEqualTo(302);
        client.cookies().clear();
        client.cookies().put(LOGIN_STATE, stateCookie);

        assertProblemPage(client.get(callback.toString()), 400, "This sign-in has expired or was already used");
    }

    @Test
    void reusedCodeIsRefusedByZohoAndCreatesNoSession() {
        URI first = client.authorize(client.startLogin(null), PRIYA, true);
        assertThat(client.get(first.toString()).statusCode()).isEqualTo(302);
        PortalClient second = new PortalClient(portal.base());
        URI secondAuthorization = second.startLogin(null);
        Map<String, String> params = PortalClient.query(first);
        params.put("state", PortalClient.query(secondAuthorization).get("state"));

        HttpResponse<String> response = second.get(PortalClient.withQuery(first, params).toString());

        assertProblemPage(second, response, 400, "Zoho did not accept the sign-in");
    }

    @Test
    void declinedConsentSaysSo() {
        URI callback = client.authorize(client.startLogin(null), PRIYA, false);
        assertThat(PortalClient.query(callback)).containsEntry("error", "access_denied");

        assertProblemPage(client.get(callback.toString()), 400, "You declined access in Zoho");
        assertThat(portal.sandbox().counter("code_exchanges", "com")).isZero();
    }

    @Test
    void foreignAccountsServerReceivesNothing() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        attacker.start();
        try {
            URI callback = client.authorize(client.startLogin(null), PRIYA, true);
            Map<String, String> params = PortalClient.query(callback);
            params.put("accounts-server", "http://127.0.0.1:" + attacker.getAddress().getPort());

            assertProblemPage(client.get(PortalClient.withQuery(callback, params).toString()), 400,
                    "The sign-in answer named an unknown Zoho server");
            assertThat(hits).as("requests that reached the foreign accounts server").hasValue(0);
            assertThat(portal.sandbox().counter("code_exchanges", "com")).isZero();
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void tokenEndpointDownGivesARetryPageAndARetryWorks() {
        portal.sandbox().fault("token", 500, 0, 1);

        assertProblemPage(client.signIn(PRIYA), 503, "Zoho is not answering right now");

        assertThat(client.signIn(PRIYA).statusCode()).isEqualTo(302);
        assertThat(client.cookie(SESSION)).isPresent();
    }

    @Test
    void slowTokenEndpointTimesOutInsteadOfHanging() {
        portal.sandbox().fault("token", 0, 12_000, 1);
        Instant start = Instant.now();

        HttpResponse<String> response = client.signIn(PRIYA);

        assertProblemPage(response, 503, "Zoho is not answering right now");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(11));
    }

    @Test
    void signingInAgainRotatesTheSessionId() {
        client.signIn(PRIYA);
        String first = client.cookie(SESSION).orElseThrow();
        client.cookies().remove(SESSION);
        URI callback = client.authorize(client.startLogin(null), PRIYA, true);
        client.cookies().put(SESSION, first);

        assertThat(client.get(callback.toString()).statusCode()).isEqualTo(302);
        String second = client.cookie(SESSION).orElseThrow();

        assertThat(second).isNotEqualTo(first);
        PortalClient oldCookie = new PortalClient(portal.base());
        oldCookie.cookies().put(SESSION, first);
        assertThat(oldCookie.get("/home").statusCode()).as("the old session id no longer works").isEqualTo(302);
        assertThat(client.get("/home").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutOfOneOfTwoBrowsersKeepsTheGrantUntilTheLastOrEverywhere() {
        PortalClient laptop = client;
        PortalClient phone = new PortalClient(portal.base());
        laptop.signIn(PRIYA);
        phone.signIn(PRIYA);
        SandboxControl sandbox = portal.sandbox();
        long revocationsBefore = sandbox.counter("revocations", "com");

        assertThat(laptop.signOut("").statusCode()).isEqualTo(303);

        assertThat(laptop.get("/home").statusCode()).as("laptop signed out").isEqualTo(302);
        assertThat(phone.get("/home").statusCode()).as("phone still signed in").isEqualTo(200);
        assertThat(sandbox.counter("revocations", "com") - revocationsBefore).as("grant kept: not the last session").isZero();

        laptop.signIn(PRIYA);
        // Signing in again replaced (and revoked) the previous refresh token: count from here.
        revocationsBefore = sandbox.counter("revocations", "com");
        HttpResponse<String> everywhere = phone.signOut("?everywhere=true");

        assertThat(everywhere.statusCode()).isEqualTo(303);
        assertThat(everywhere.headers().firstValue("Location")).hasValue("/?signin=out");
        assertThat(phone.get("/home").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/home").statusCode()).as("every browser signed out").isEqualTo(302);
        assertThat(sandbox.counter("revocations", "com") - revocationsBefore).as("grant revoked at Zoho").isEqualTo(1);
    }

    @Test
    void anotherSiteCannotSignTheUserOut() {
        client.signIn(PRIYA);
        long revocationsBefore = portal.sandbox().counter("revocations", "com");

        HttpResponse<String> forged = client.send(java.net.http.HttpRequest.newBuilder(portal.url("/logout"))
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("everywhere=true")));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(client.get("/home").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(portal.sandbox().counter("revocations", "com")).isEqualTo(revocationsBefore);
    }

    @Test
    void aSignOutPostWithoutTheSessionsTokenIsRefusedEvenFromThePortalsOrigin() {
        client.signIn(PRIYA);

        HttpResponse<String> withoutToken = client.send(java.net.http.HttpRequest.newBuilder(portal.url("/logout"))
                .header("Origin", portal.base().toString().replaceAll("/$", ""))
                .header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("everywhere=true")));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(client.get("/home").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void returnPathStaysOnThePortal() {
        assertThat(signInReturningTo("%2Fcrm%2Fleads")).isEqualTo("/crm/leads");
        assertThat(signInReturningTo("%2F%2Fevil.example%2Fx")).isEqualTo("/home");
        assertThat(signInReturningTo("https%3A%2F%2Fevil.example%2F")).isEqualTo("/home");
        assertThat(signInReturningTo("%2F%5Cevil.example")).isEqualTo("/home");
    }

    @Test
    void pagesKeepShowingDataAcrossTokenLifetimesWithOneRefreshEach() {
        SandboxControl sandbox = portal.sandbox();
        sandbox.tokenLifetime(120);
        client.signIn(PRIYA);
        assertThat(openDeals(client.get("/crm/api/summary"))).isPositive();

        for (int lifetime = 1; lifetime <= 3; lifetime++) {
            sandbox.advanceClock(121);
            // The summary is cached for a minute of real time: "refresh" asks CRM again, as the page's button does.
            assertThat(openDeals(client.postFromPage("/crm/api/summary/refresh"))).as("page after lifetime %d", lifetime)
                    .isPositive();
            assertThat(openDeals(client.postFromPage("/crm/api/summary/refresh"))).isPositive();
        }

        assertThat(sandbox.counter("refreshes_by_user", PRIYA)).isEqualTo(3);
    }

    @Test
    void refusedRefreshEndsTheSessionsAndSaysSo() {
        client.signIn(PRIYA);
        portal.sandbox().post("control/revoke-user", "{\"email\": \"" + PRIYA + "\"}");

        HttpResponse<String> summary = client.get("/crm/api/summary");

        assertThat(summary.statusCode()).isEqualTo(401);
        assertThat(summary.body()).contains("signin-ended").contains("Your Zoho sign-in has ended");
        assertThat(client.get("/home").statusCode()).as("the session was ended").isEqualTo(302);
        assertThat(client.get("/?signin=ended").body()).contains("Your Zoho sign-in has ended — please sign in again");
    }

    @Test
    void failingRefreshKeepsTheSessionAndOffersARetry() {
        client.signIn(PRIYA);
        portal.sandbox().advanceClock(3700);
        portal.sandbox().fault("token", 500, 0, 1);

        long refreshesBefore = portal.sandbox().counter("refreshes", "com");
        HttpResponse<String> failed = client.get("/crm/api/summary");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("zoho-unavailable");
        // Within the back-off (PT2S here) nobody asks the token endpoint again, however often the page retries.
        assertThat(client.get("/crm/api/summary").statusCode()).isEqualTo(503);
        client.get("/books/"); // another WAR, same database: it sees the back-off too
        assertThat(portal.sandbox().counter("refreshes", "com") - refreshesBefore).as("refreshes asked of Zoho").isEqualTo(1);

        sleep(2_500);
        assertThat(openDeals(client.get("/crm/api/summary"))).as("retry after the back-off works, session kept").isPositive();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dashboardSummaryCostsOneCrmQueryPerUserPerMinute() {
        client.signIn(PRIYA);

        for (int i = 0; i < 5; i++) {
            assertThat(openDeals(client.get("/crm/api/summary"))).isPositive();
        }

        SandboxControl sandbox = portal.sandbox();
        assertThat(sandbox.userCalls(PRIYA, "POST /crm/v8/coql")).as("one COQL query for five loads").isEqualTo(1);
        assertThat(sandbox.userCalls(PRIYA, "GET /crm/v8/Deals")).as("no reading of every deal").isZero();
        // First load only: the user's CRM id and the pipeline's stages (field metadata), both cached for longer.
        assertThat(sandbox.userCrmCalls(PRIYA)).isLessThanOrEqualTo(3);
    }

    @Test
    void grantMissingAScopeLeadsToTheReConsentPage() {
        portal.sandbox().withholdScope(PRIYA, "ZohoCRM.coql.READ");
        client.signIn(PRIYA);

        HttpResponse<String> summary = client.get("/crm/api/summary");

        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(403);
        assertThat(summary.body()).contains("zoho-scope").contains("/sign-in-again");
        assertThat(client.get("/home").statusCode()).as("still signed in: nothing broke").isEqualTo(200);
        HttpResponse<String> page = client.get("/sign-in-again?return=%2Fhome");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Zoho needs your permission once more")
                .contains("href=\"/login?return=%2Fhome\"");
    }

    @Test
    void parallelRequestsToTwoWarsOfOneProcessCauseOneRefresh() throws Exception {
        client.signIn(PRIYA);
        assertThat(openDeals(client.get("/crm/api/summary"))).isPositive();
        assertThat(client.get("/books/api/organizations").body()).contains("810000001");
        SandboxControl sandbox = portal.sandbox();
        sandbox.advanceClock(3700); // both WARs hold an access token Zoho now refuses
        sandbox.fault("token", 0, 1500, 5); // a slow token endpoint, so the WARs' renewals overlap

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            // Both WARs, pages and /home's summaries: CRM's summary (refreshed, so it calls CRM), the board, Books'
            // organizations and summary, and the invoice list page.
            String[] paths = {"/crm/api/summary/refresh", "/books/api/organizations", "/books/api/summary", "/books/",
                    "/crm/api/summary/refresh", "/crm/"};
            for (int i = 0; i < 12; i++) {
                String path = paths[i % paths.length];
                boolean write = path.endsWith("/refresh");
                PortalClient browserTab = new PortalClient(portal.base()); // PortalClient is not thread-safe
                browserTab.cookies().putAll(client.cookies());
                answers.add(pool.submit(() -> {
                    go.await();
                    return write ? browserTab.postFromPage(path) : browserTab.get(path);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
            sandbox.clearFaults();
        }
        assertThat(sandbox.counter("refreshes_by_user", PRIYA)).as("crm-module and books-module share one refresh")
                .isEqualTo(1);
        assertThat(sandbox.userCalls(PRIYA, "GET /books/v3/invoices")).as("the Books pages and summary were served").isPositive();
    }

    private String signInReturningTo(String encodedReturn) {
        PortalClient browser = new PortalClient(portal.base());
        HttpResponse<String> callback = browser.get(browser.authorize(browser.startLogin("return=" + encodedReturn),
                PRIYA, true).toString());
        assertThat(callback.statusCode()).isEqualTo(302);
        String location = callback.headers().firstValue("Location").orElseThrow();
        return URI.create(location).getPath().isEmpty() ? location : PortalClient.location(callback).getRawPath();
    }

    private static int openDeals(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var m = java.util.regex.Pattern.compile("\"openDeals\":(\\d+)").matcher(response.body());
        assertThat(m.find()).as("openDeals in " + response.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void assertProblemPage(HttpResponse<String> response, int status, String title) {
        assertProblemPage(client, response, status, title);
    }

    private static void assertProblemPage(PortalClient browser, HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(title).contains("id=\"signin-again\"");
        assertThat(browser.cookie(SESSION)).as("no session after a failed sign-in").isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SESSION + "=") && !c.contains("Max-Age=0"));
    }
}
