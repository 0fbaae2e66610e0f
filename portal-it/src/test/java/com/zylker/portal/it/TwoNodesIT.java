package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two portal processes that share nothing but MariaDB (and one sandbox, as they would share Zoho): one sign-in
 * serves both, a deleted session row signs the browser out on both, and a burst of 50 requests with an
 * expired access token — to /crm/ and /books/ pages and /home's summaries of both modules — split between the
 * nodes, causes exactly one refresh — and more than one when the
 * cross-node lock is switched off (the control run that proves the test can fail). A view-scoped Faces wizard
 * started on one node carries on on the other (its state travels in the view state), and either node checks
 * the CSRF token the other made.
 */
class TwoNodesIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final int BURST = 50;
    /** Zoho's token endpoint answers this slowly during a burst, so the nodes' refreshes truly overlap. */
    private static final int SLOW_REFRESH_MILLIS = 1500;

    private static String adminUrl;
    private static String dbUrl;
    private static String dbName;
    private static String dbUser;
    private static String dbPassword;

    @BeforeAll
    static void requireMariaDb() {
        adminUrl = System.getProperty("portal.test.db.url");
        // -Dportal.test.it-db.name=portal_test_it_<x>: a database of its own, when several builds share MariaDB.
        dbName = System.getProperty("portal.test.it-db.name", "portal_test_it");
        if (!dbName.matches("portal_test_[a-z0-9_]+")) {
            throw new IllegalArgumentException("portal.test.it-db.name must look like portal_test_…: " + dbName);
        }
        dbUrl = System.getProperty("portal.test.it-db.url");
        dbUrl = dbUrl == null ? null : dbUrl.replace("/portal_test_it?", "/" + dbName + "?");
        dbUser = System.getProperty("portal.test.db.user", "portal_test");
        dbPassword = System.getProperty("portal.test.db.password", "portal_test");
        boolean reachable;
        try (Connection ignored = DriverManager.getConnection(adminUrl, dbUser, dbPassword)) {
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
        }
        RequiredServices.require(adminUrl != null && dbUrl != null && reachable,
                "MariaDB is not reachable at " + adminUrl + " as " + dbUser + " (bash .ci/run sets it up)");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithTheCrossNodeLock {

        private Pair nodes;

        @BeforeAll
        void startNodes() throws SQLException {
            nodes = Pair.start(false);
        }

        @AfterAll
        void stopNodes() {
            nodes.close();
        }

        @Test
        void aBurstWithAnExpiredTokenSplitBetweenTheNodesRefreshesOnce() throws Exception {
            assertThat(burstOfExpiredTokenRequests(nodes)).as("refreshes caused by %d requests on two nodes", BURST)
                    .isEqualTo(1);
        }

        @Test
        void oneSignInServesBothNodesAndADeletedSessionRowSignsOutEverywhere() throws SQLException {
            PortalClient viaA = new PortalClient(nodes.a.base());
            viaA.signIn(PRIYA);
            String cookie = viaA.cookie("ZYSESSION").orElseThrow();
            PortalClient viaB = new PortalClient(nodes.b.base());
            viaB.cookies().put("ZYSESSION", cookie);
            assertThat(viaB.get("/crm/").statusCode()).isEqualTo(200);
            assertThat(viaB.get("/home").body()).contains("Priya Raman");

            try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                 Statement delete = db.createStatement()) {
                delete.executeUpdate("DELETE FROM portal_session");
            }

            assertThat(viaB.get("/crm/").statusCode()).as("crm on node B").isEqualTo(302);
            PortalClient sameBrowserOnA = new PortalClient(nodes.a.base());
            sameBrowserOnA.cookies().put("ZYSESSION", cookie);
            assertThat(sameBrowserOnA.get("/books/").statusCode()).as("books on node A").isEqualTo(302);
            assertThat(sameBrowserOnA.get("/home").statusCode()).as("home on node A").isEqualTo(302);
        }

        @Test
        void aViewScopedWizardCarriesOnWhenTheNextStepIsServedByTheOtherNode() {
            PortalClient viaA = new PortalClient(nodes.a.base());
            viaA.signIn(PRIYA);
            PortalClient viaB = new PortalClient(nodes.b.base());
            viaB.cookies().put("ZYSESSION", viaA.cookie("ZYSESSION").orElseThrow());
            String page = viaA.get("/account").body();
            String token = FacesForms.csrfToken(page);
            String nonce = FacesForms.nonce(page); // the view's CSP nonce travels in its state to the other node

            String step2 = FacesForms.ajax(viaA, nodes.origin(), "/account", "report", "report:next-area",
                    FacesForms.viewState(page), nonce, token, Map.of("report:area", "INVOICES"));
            String step3 = FacesForms.ajax(viaB, nodes.origin(), "/account", "report", "report:next-details",
                    FacesForms.updatedViewState(step2), nonce, token, Map.of("report:details", "The invoice list stays empty.",
                            "report:page", "/books/"));
            String sent = FacesForms.ajax(viaA, nodes.origin(), "/account", "report", "report:send",
                    FacesForms.updatedViewState(step3), nonce, token, Map.of());

            assertThat(step2).as("step 2 on node A").contains("id=\"report:details\"");
            assertThat(step3).as("step 3 on node B remembers step 1 from node A")
                    .contains("Invoices and payments").contains("The invoice list stays empty.");
            assertThat(sent).as("sent from node A after node B's step").containsPattern("ZY-[A-Z0-9]{6}");
        }

        @Test
        void eitherNodeRefusesCrossSiteWritesAndAcceptsTheSameSiteOnesWithATokenFromTheOther() {
            PortalClient viaA = new PortalClient(nodes.a.base());
            viaA.signIn(PRIYA);
            PortalClient viaB = new PortalClient(nodes.b.base());
            viaB.cookies().put("ZYSESSION", viaA.cookie("ZYSESSION").orElseThrow());
            String page = viaA.get("/account").body();
            String token = FacesForms.csrfToken(page);
            String json = "{\"area\":\"other\",\"details\":\"Checking both nodes.\"}";

            HttpResponse<String> crossSiteForm = viaB.send(FacesForms.formPost(nodes.b.url("/account"),
                    Map.of("report", "report", "report:next-area", "report:next-area", "report:area", "OTHER",
                            "jakarta.faces.ViewState", FacesForms.viewState(page), "zy-csrf", token))
                    .header("Origin", "https://attacker.example").header("Sec-Fetch-Site", "cross-site"));
            HttpResponse<String> crossSiteApi = viaB.send(FacesForms.jsonPost(nodes.b.url("/api/account/problem-reports"), json)
                    .header("Origin", "https://attacker.example").header("Sec-Fetch-Site", "cross-site")
                    .header("X-CSRF-Token", token));
            HttpResponse<String> sameSiteApi = viaB.send(FacesForms.jsonPost(nodes.b.url("/api/account/problem-reports"), json)
                    .header("Origin", nodes.origin()).header("Sec-Fetch-Site", "same-origin").header("X-CSRF-Token", token));

            assertThat(crossSiteForm.statusCode()).as("cross-site Faces post on node B").isEqualTo(403);
            assertThat(crossSiteApi.statusCode()).as("cross-site API write on node B").isEqualTo(403);
            assertThat(sameSiteApi.statusCode()).as("same-site API write on node B with node A's token: %s", sameSiteApi.body())
                    .isEqualTo(201);
        }

        @Test
        void failedSignInsLeaveNoRowsBehind() throws SQLException {
            SandboxControl sandbox = nodes.a.sandbox();
            sandbox.reset();
            Map<String, Long> before = rowCounts();

            PortalClient declined = new PortalClient(nodes.a.base());
            assertThat(declined.get(declined.authorize(declined.startLogin(null), PRIYA, false).toString()).statusCode())
                    .isEqualTo(400);
            // Started on node A, finished (with a forged state) on node B: any node may finish a sign-in.
            PortalClient tampered = new PortalClient(nodes.a.base());
            java.net.URI callback = tampered.authorize(tampered.startLogin(null), PRIYA, true);
            Map<String, String> params = PortalClient.query(callback);
            params.put("state", "forged");
            assertThat(tampered.get(PortalClient.withQuery(callback, params).toString().replace(
                    nodes.a.base().toString(), nodes.b.base().toString())).statusCode()).isEqualTo(400);
            sandbox.fault("token", 500, 0, 1);
            PortalClient zohoDown = new PortalClient(nodes.a.base());
            assertThat(zohoDown.signIn(PRIYA).statusCode()).isEqualTo(503);

            Map<String, Long> after = rowCounts();
            assertThat(after.get("oauth_token")).isEqualTo(before.get("oauth_token"));
            assertThat(after.get("portal_session")).isEqualTo(before.get("portal_session"));
            assertThat(after.get("login_state")).as("declined and failed attempts consumed their state")
                    .isLessThanOrEqualTo(before.get("login_state") + 1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ControlRunWithoutTheCrossNodeLock {

        private Pair nodes;

        @BeforeAll
        void startNodes() throws SQLException {
            nodes = Pair.start(true);
        }

        @AfterAll
        void stopNodes() {
            nodes.close();
        }

        @Test
        void theSameBurstRefreshesMoreThanOnce() throws Exception {
            assertThat(burstOfExpiredTokenRequests(nodes)).as("control run: cross-node lock off").isGreaterThan(1);
        }
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             Statement count = db.createStatement()) {
            for (String sql : List.of("SELECT 'oauth_token', COUNT(*) FROM oauth_token",
                    "SELECT 'portal_session', COUNT(*) FROM portal_session",
                    "SELECT 'login_state', COUNT(*) FROM login_state")) {
                try (var rs = count.executeQuery(sql)) {
                    rs.next();
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static int burstOfExpiredTokenRequests(Pair nodes) throws Exception {
        SandboxControl sandbox = nodes.a.sandbox();
        sandbox.reset();
        PortalClient signIn = new PortalClient(nodes.a.base());
        assertThat(signIn.signIn(PRIYA).statusCode()).isEqualTo(302);
        String cookie = signIn.cookie("ZYSESSION").orElseThrow();
        // Expired everywhere: at Zoho (sandbox clock) and in the stored token (expiry in the past).
        sandbox.advanceClock(3700);
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             PreparedStatement expire = db.prepareStatement("UPDATE oauth_token SET expiry_time = ?")) {
            expire.setTimestamp(1, Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        sandbox.fault("token", 0, SLOW_REFRESH_MILLIS, 10);
        long before = sandbox.counter("refreshes", "com");

        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            // Both modules on both nodes: /home's two summaries, the invoice list, and twice the board.
            String[] paths = {"/crm/api/summary", "/books/api/summary", "/books/", "/crm/api/summary", "/books/api/summary"};
            for (int i = 0; i < BURST; i++) {
                RunningPortal node = i % 2 == 0 ? nodes.a : nodes.b;
                String path = i % 25 == 24 ? "/crm/" : paths[i % paths.length];
                results.add(pool.submit(() -> {
                    PortalClient client = new PortalClient(node.base());
                    client.cookies().put("ZYSESSION", cookie);
                    go.await();
                    return client.get(path);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get(120, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
            sandbox.clearFaults();
        }
        return Math.toIntExact(sandbox.counter("refreshes", "com") - before);
    }

    /** Node A carries the sandbox; node B uses A's sandbox. Both on a freshly created database, booting at once. */
    private record Pair(RunningPortal a, RunningPortal b) implements AutoCloseable {

        static Pair start(boolean crossNodeLockOff) throws SQLException {
            recreateDatabase();
            Map<String, String> shared = new HashMap<>();
            shared.put("PORTAL_DB_URL", dbUrl);
            shared.put("PORTAL_DB_USER", dbUser);
            shared.put("PORTAL_DB_PASSWORD", dbPassword);
            shared.put("PORTAL_DB_PRODUCT", "MariaDB 10.11");
            shared.put("PORTAL_CRYPTO_KEYS", "it1:" + randomKey());
            shared.put("PORTAL_FACES_STATE_KEY", randomKey());
            String options = "-Dzoho.request-timeout=PT20S" + (crossNodeLockOff ? " -Dportal.test.disable-refresh-lock=true" : "");
            Map<String, String> envA = new HashMap<>(shared);
            envA.put("PORTAL_JAVA_OPTS", options);
            RunningPortal a = PortalProcesses.launch("node-a", envA);
            Map<String, String> envB = new HashMap<>(shared);
            envB.put("PORTAL_WITH_SANDBOX", "false");
            // One public origin for both, as behind a load balancer: CSRF origin checks compare with it.
            envB.put("PORTAL_BASE_URL", origin(a));
            envB.put("PORTAL_JAVA_OPTS", options + " -Dzoho.sandbox-url=" + a.url("zoho-sandbox"));
            RunningPortal b = PortalProcesses.launch("node-b", envB);
            try {
                PortalProcesses.awaitReady(a, true);
                PortalProcesses.awaitReady(b, false);
                return new Pair(a, b);
            } catch (RuntimeException e) {
                b.close();
                a.close();
                throw e;
            }
        }

        /** The portal's public origin: node A's address (node B is configured with it too). */
        String origin() {
            return origin(a);
        }

        private static String origin(RunningPortal node) {
            String base = node.base().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        private static String randomKey() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }

        private static void recreateDatabase() throws SQLException {
            try (Connection db = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
                 Statement ddl = db.createStatement()) {
                ddl.execute("DROP DATABASE IF EXISTS " + dbName);
                ddl.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }

        @Override
        public void close() {
            b.close();
            a.close();
        }
    }
}
