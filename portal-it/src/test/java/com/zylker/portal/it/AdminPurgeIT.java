package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The purge and sign-out on two portal processes sharing one MariaDB (TwoNodesIT's set-up): rows are aged in
 * the database as a moved clock would age them — idle and too-old sessions, a token no session uses, sign-in
 * attempts past their life, audit rows past {@code portal.audit.retention} — then both nodes are asked to purge
 * at the same moment: one runs, one skips, each row goes once, one run is recorded, the fresh rows stay. And
 * signing out of the last live browser revokes the grant although an expired session of the user lingers
 * (control: with another live session it does not).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPurgeIT {

    private static final String AISHA = "aisha.khan@zylkeracademy.com";
    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String DANIEL = "daniel.brooks@zylkeracademy.com";
    private static final String NOAH = "noah.williams@zylkeracademy.com";
    private static final String LUKAS = "lukas.schneider@zylkeracademy.eu";

    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private RunningPortal a;
    private RunningPortal b;

    @BeforeAll
    void startTwoNodes() throws SQLException {
        String adminUrl = System.getProperty("portal.test.db.url");
        String itUrl = System.getProperty("portal.test.it-db.url");
        String dbName = System.getProperty("portal.test.it-db.name", "portal_test_it") + "_purge";
        dbUser = System.getProperty("portal.test.db.user", "portal_test");
        dbPassword = System.getProperty("portal.test.db.password", "portal_test");
        boolean reachable;
        try (Connection ignored = DriverManager.getConnection(adminUrl, dbUser, dbPassword)) {
            reachable = dbName.matches("portal_test_[a-z0-9_]+");
        } catch (SQLException | RuntimeException e) {
            reachable = false;
        }
        RequiredServices.require(adminUrl != null && itUrl != null && reachable,
                "MariaDB is not reachable at " + adminUrl + " as " + dbUser + " (bash .ci/run sets it up)");
        dbUrl = itUrl.replaceFirst("/[A-Za-z0-9_]+\\?", "/" + dbName + "?");
        try (Connection db = DriverManager.getConnection(adminUrl, dbUser, dbPassword); Statement ddl = db.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS " + dbName);
            ddl.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Map<String, String> shared = new HashMap<>();
        shared.put("PORTAL_DB_URL", dbUrl);
        shared.put("PORTAL_DB_USER", dbUser);
        shared.put("PORTAL_DB_PASSWORD", dbPassword);
        shared.put("PORTAL_DB_PRODUCT", "MariaDB 10.11");
        shared.put("PORTAL_CRYPTO_KEYS", "it1:" + randomKey());
        shared.put("PORTAL_FACES_STATE_KEY", randomKey());
        // The schedule stays out of the way (first run after an hour): the test asks both nodes at once.
        String options = "-Dzoho.request-timeout=PT20S -Dportal.purge.interval=PT1H -Dportal.audit.retention=P30D";
        Map<String, String> envA = new HashMap<>(shared);
        envA.put("PORTAL_JAVA_OPTS", options);
        a = PortalProcesses.launch("purge-a", envA);
        Map<String, String> envB = new HashMap<>(shared);
        envB.put("PORTAL_WITH_SANDBOX", "false");
        envB.put("PORTAL_BASE_URL", origin());
        envB.put("PORTAL_JAVA_OPTS", options + " -Dzoho.sandbox-url=" + a.url("zoho-sandbox"));
        b = PortalProcesses.launch("purge-b", envB);
        PortalProcesses.awaitReady(a, true);
        PortalProcesses.awaitReady(b, false);
    }

    @AfterAll
    void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void twoNodesPurgingAtOnceRemoveEachAgedRowOnceKeepTheFreshOnesAndRecordOneRun() throws Exception {
        SandboxControl sandbox = a.sandbox();
        sandbox.reset();
        execute("DELETE FROM oauth_token"); // and, by cascade, every session: this test counts rows
        execute("DELETE FROM login_state");
        execute("DELETE FROM audit_event");
        PortalClient admin = signIn(a, AISHA);
        PortalClient priya = signIn(a, PRIYA);
        PortalClient daniel = signIn(b, DANIEL);
        PortalClient noah = signIn(b, NOAH);
        PortalClient lukas = signIn(a, LUKAS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // As if the clock had moved: Priya idle for 9 hours, Daniel signed in 15 days ago, Lukas's session gone
        // (his token unused), Noah fresh. Tokens last written an hour ago, so the purge may judge them.
        update("UPDATE portal_session SET last_seen_at = ? WHERE user_email = ?", now.minus(Duration.ofHours(9)), PRIYA);
        update("UPDATE portal_session SET created_at = ? WHERE user_email = ?", now.minus(Duration.ofDays(15)), DANIEL);
        update("DELETE FROM portal_session WHERE user_email = ?", LUKAS);
        update("UPDATE oauth_token SET updated_at = ? WHERE user_name <> ?", now.minus(Duration.ofHours(1)), AISHA);
        new PortalClient(b.base()).startLogin(null); // a fresh sign-in attempt, to be kept
        for (int i = 0; i < 3; i++) {
            insertLoginState(now.minus(Duration.ofMinutes(30)));
        }
        update("UPDATE audit_event SET occurred_at = ? WHERE subject IN (?, ?)", now.minus(Duration.ofDays(40)), PRIYA, DANIEL);
        long oldAudit = count("SELECT COUNT(*) FROM audit_event WHERE occurred_at < ?", now.minus(Duration.ofDays(30)));
        long recentAudit = count("SELECT COUNT(*) FROM audit_event WHERE occurred_at >= ?", now.minus(Duration.ofDays(30)));
        long revocations = sandbox.counter("revocations", "com") + sandbox.counter("revocations", "eu");
        assertThat(oldAudit).as("aged audit rows").isEqualTo(2);

        List<JsonObject> answers = purgeOnBothAtOnce(admin);

        List<JsonObject> ran = answers.stream().filter(j -> j.getBoolean("ran")).toList();
        assertThat(ran).as("one node ran the purge: %s", answers).hasSize(1);
        JsonObject run = ran.get(0);
        assertThat(answers.stream().mapToInt(j -> j.getInt("sessions")).sum()).as("sessions removed").isEqualTo(2);
        assertThat(answers.stream().mapToInt(j -> j.getInt("tokens")).sum()).as("unused tokens").isEqualTo(3);
        assertThat(answers.stream().mapToInt(j -> j.getInt("loginStates")).sum()).as("old login states").isEqualTo(3);
        assertThat(answers.stream().mapToInt(j -> j.getInt("auditRows")).sum()).as("old audit rows").isEqualTo(2);
        assertThat(run.getInt("revokeFailures")).isZero();
        assertThat(count("SELECT COUNT(*) FROM purge_run")).as("runs recorded").isEqualTo(1);
        assertThat(sandbox.counter("revocations", "com") + sandbox.counter("revocations", "eu") - revocations)
                .as("unused grants revoked at Zoho").isEqualTo(3);
        assertThat(tokenHolders()).containsExactlyInAnyOrder(AISHA, NOAH);
        assertThat(count("SELECT COUNT(*) FROM portal_session WHERE user_email = ?", NOAH)).as("fresh session kept").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login_state")).as("fresh sign-in attempt kept").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE occurred_at < ?", now.minus(Duration.ofDays(30)))).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE occurred_at >= ? AND action <> 'PURGE'",
                now.minus(Duration.ofDays(30)))).as("recent audit rows kept").isEqualTo(recentAudit);
        assertThat(noah.get("/home").statusCode()).isEqualTo(200);
        assertThat(priya.get("/home").statusCode()).isEqualTo(302);
        assertThat(daniel.get("/home").statusCode()).isEqualTo(302);
        assertThat(lukas.get("/home").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/").body()).contains("id=\"purge-last\"");
    }

    @Test
    void signingOutOfTheLastLiveBrowserRevokesTheGrantAlthoughAnExpiredSessionLingers() throws Exception {
        SandboxControl sandbox = a.sandbox();
        sandbox.reset();
        PortalClient oldBrowser = signIn(b, DANIEL);
        PortalClient browser = signIn(a, DANIEL);
        update("UPDATE portal_session SET last_seen_at = ? WHERE id_hash = ?",
                Instant.now().minus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS), sha256(oldBrowser.cookie("ZYSESSION").orElseThrow()));
        long revocations = sandbox.counter("revocations", "com");

        assertThat(browser.signOut("").statusCode()).isEqualTo(303);

        assertThat(sandbox.counter("revocations", "com") - revocations).as("grant revoked").isEqualTo(1);
        assertThat(tokenHolders()).doesNotContain(DANIEL);

        // Control: a second live browser keeps the grant.
        PortalClient first = signIn(b, NOAH);
        PortalClient second = signIn(a, NOAH);
        long before = sandbox.counter("revocations", "com");
        assertThat(second.signOut("").statusCode()).isEqualTo(303);
        assertThat(sandbox.counter("revocations", "com") - before).as("control: another live session").isZero();
        assertThat(first.get("/home").statusCode()).isEqualTo(200);
    }

    private List<JsonObject> purgeOnBothAtOnce(PortalClient admin) throws Exception {
        String token = admin.csrfToken().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (RunningPortal node : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    PortalClient client = new PortalClient(node.base());
                    client.cookies().putAll(admin.cookies());
                    go.await();
                    return client.send(java.net.http.HttpRequest.newBuilder(node.url("/api/admin/purge"))
                            .header("Origin", origin()).header("Sec-Fetch-Site", "same-origin")
                            .header("X-CSRF-Token", token).header("Accept", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
                }));
            }
            go.countDown();
            List<JsonObject> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get(120, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                    answers.add(reader.readObject());
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private PortalClient signIn(RunningPortal node, String email) {
        PortalClient client = new PortalClient(node.base());
        HttpResponse<String> callback = client.signIn(email);
        assertThat(callback.statusCode()).as("%s signs in: %s", email, callback.body()).isEqualTo(302);
        return client;
    }

    private List<String> tokenHolders() throws SQLException {
        List<String> users = new ArrayList<>();
        try (Connection db = connect(); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT user_name FROM oauth_token")) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        return users;
    }

    private void insertLoginState(Instant createdAt) throws SQLException {
        byte[] hash = new byte[32];
        new SecureRandom().nextBytes(hash);
        try (Connection db = connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO login_state (state_hash, return_to, created_at) VALUES (?, ?, ?)")) {
            insert.setBytes(1, hash);
            insert.setString(2, "/home");
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else {
                statement.setString(i + 1, (String) p);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    private String origin() {
        String base = a.base().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static byte[] sha256(String value) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
