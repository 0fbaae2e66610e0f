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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two portal processes that share nothing but MariaDB (and one sandbox, as they would share Zoho): one sign-in
 * serves both, a deleted session row signs the browser out on both, and a burst of 50 requests with an
 * expired access token, split between the nodes, causes exactly one refresh — and more than one when the
 * cross-node lock is switched off (the control run that proves the test can fail).
 */
class TwoNodesIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final int BURST = 50;

    private static String adminUrl;
    private static String dbUrl;
    private static String dbUser;
    private static String dbPassword;

    @BeforeAll
    static void requireMariaDb() {
        adminUrl = System.getProperty("portal.test.db.url");
        dbUrl = System.getProperty("portal.test.it-db.url");
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

    @Test
    void oneRefreshForABurstSplitBetweenTwoNodes() throws Exception {
        try (Pair nodes = Pair.start(false)) {
            int refreshes = burstOfExpiredTokenRequests(nodes);
            assertThat(refreshes).as("refreshes caused by %d concurrent requests on two nodes", BURST).isEqualTo(1);
        }
    }

    @Test
    void withoutTheCrossNodeLockTheSameBurstRefreshesMoreThanOnce() throws Exception {
        try (Pair nodes = Pair.start(true)) {
            int refreshes = burstOfExpiredTokenRequests(nodes);
            assertThat(refreshes).as("control run: no cross-node lock").isGreaterThan(1);
        }
    }

    @Test
    void oneSignInServesBothNodesAndADeletedSessionRowSignsOutEverywhere() throws Exception {
        try (Pair nodes = Pair.start(false)) {
            PortalClient viaA = new PortalClient(nodes.a.base());
            viaA.signIn(PRIYA);
            String cookie = viaA.cookie("ZYSESSION").orElseThrow();
            PortalClient viaB = new PortalClient(nodes.b.base());
            viaB.cookies().putAll(viaA.cookies());
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
    }

    private int burstOfExpiredTokenRequests(Pair nodes) throws Exception {
        SandboxControl sandbox = nodes.a.sandbox();
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
        long before = sandbox.counter("refreshes", "com");

        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            RunningPortal node = i % 2 == 0 ? nodes.a : nodes.b;
            results.add(pool.submit(() -> {
                PortalClient client = new PortalClient(node.base());
                client.cookies().put("ZYSESSION", cookie);
                go.await();
                return client.get("/api/home/summary");
            }));
        }
        go.countDown();
        for (Future<HttpResponse<String>> result : results) {
            HttpResponse<String> response = result.get(120, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        pool.shutdownNow();
        return Math.toIntExact(sandbox.counter("refreshes", "com") - before);
    }

    /** Node A carries the sandbox; node B uses A's sandbox. Both on a freshly created database. */
    private record Pair(RunningPortal a, RunningPortal b) implements AutoCloseable {

        static Pair start(boolean crossNodeLockOff) throws SQLException {
            recreateDatabase();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> shared = new HashMap<>();
            shared.put("PORTAL_DB_URL", dbUrl);
            shared.put("PORTAL_DB_USER", dbUser);
            shared.put("PORTAL_DB_PASSWORD", dbPassword);
            shared.put("PORTAL_HIBERNATE_DIALECT", "org.hibernate.dialect.MariaDBDialect");
            shared.put("PORTAL_CRYPTO_KEYS", "it1:" + Base64.getEncoder().encodeToString(key));
            String lock = crossNodeLockOff ? " -Dportal.test.disable-refresh-lock=true" : "";
            Map<String, String> envA = new HashMap<>(shared);
            envA.put("PORTAL_JAVA_OPTS", "-Dzoho.request-timeout=PT20S" + lock);
            RunningPortal a = PortalProcesses.start("node-a", envA);
            try {
                Map<String, String> envB = new HashMap<>(shared);
                envB.put("PORTAL_WITH_SANDBOX", "false");
                envB.put("PORTAL_JAVA_OPTS", "-Dzoho.request-timeout=PT20S -Dzoho.sandbox-url=" + a.url("zoho-sandbox")
                        .toString().replaceAll("/$", "") + lock);
                envB.put("PORTAL_FACES_STATE_KEY", readFacesKey(a));
                return new Pair(a, PortalProcesses.start("node-b", envB));
            } catch (RuntimeException e) {
                a.close();
                throw e;
            }
        }

        private static String readFacesKey(RunningPortal a) {
            try {
                return java.nio.file.Files.readString(a.dataDirectory().resolve("faces-state.key")).trim();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void recreateDatabase() throws SQLException {
            try (Connection db = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
                 Statement ddl = db.createStatement()) {
                ddl.execute("DROP DATABASE IF EXISTS portal_test_it");
                ddl.execute("CREATE DATABASE portal_test_it CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }

        @Override
        public void close() {
            b.close();
            a.close();
        }
    }
}
