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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-out and the purge on two portal processes sharing one MariaDB (TwoNodesIT's set-up). Signing out of the
 * last live browser revokes the grant although an expired session of the user lingers (control: with another
 * live session it does not). Then sessions, tokens and audit rows are made, both nodes restart with their
 * clock nine hours ahead ({@code portal.test.clock-offset}), fresh rows are added (and sign-in attempts stamped
 * with the old time, which {@code /login} would clear by itself), and both are asked to
 * purge at the same moment: one runs, one skips, each stale row goes once (idle sessions, the tokens they
 * leave unused — revoked at Zoho —, old sign-in attempts, audit rows past {@code portal.audit.retention}), one
 * run is recorded, and the fresh rows stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPurgeIT {

    private static final String AISHA = "aisha.khan@zylkeracademy.com";
    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String DANIEL = "daniel.brooks@zylkeracademy.com";
    private static final String NOAH = "noah.williams@zylkeracademy.com";
    private static final String LUKAS = "lukas.schneider@zylkeracademy.eu";

    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private final Map<String, String> shared = new HashMap<>();
    private RunningPortal a;
    private RunningPortal b;
    private int portA;
    private int portB;

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
        shared.put("PORTAL_DB_URL", dbUrl);
        shared.put("PORTAL_DB_USER", dbUser);
        shared.put("PORTAL_DB_PASSWORD", dbPassword);
        shared.put("PORTAL_DB_PRODUCT", "MariaDB 10.11");
        shared.put("PORTAL_CRYPTO_KEYS", "it1:" + randomKey());
        shared.put("PORTAL_FACES_STATE_KEY", randomKey());
        startNodes("");
    }

    /** Node A with the sandbox, node B on A's sandbox, both on the one database; {@code extra}: more JVM options. */
    private void startNodes(String extra) {
        // The schedule stays out of the way (first run after an hour): the test asks both nodes at once.
        String options = "-Dzoho.request-timeout=PT20S -Dportal.purge.interval=PT1H -Dportal.audit.retention=PT5H " + extra;
        Map<String, String> envA = new HashMap<>(shared);
        envA.put("PORTAL_JAVA_OPTS", options);
        // The same ports after a restart: stored tokens name node A's sandbox by its address.
        a = portA == 0 ? PortalProcesses.launch("purge-a", envA) : PortalProcesses.launch("purge-a2", envA, portA);
        portA = a.base().getPort();
        Map<String, String> envB = new HashMap<>(shared);
        envB.put("PORTAL_WITH_SANDBOX", "false");
        envB.put("PORTAL_BASE_URL", origin());
        envB.put("PORTAL_JAVA_OPTS", options + " -Dzoho.sandbox-url=" + a.url("zoho-sandbox"));
        b = portB == 0 ? PortalProcesses.launch("purge-b", envB) : PortalProcesses.launch("purge-b2", envB, portB);
        portB = b.base().getPort();
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
        a = null;
        b = null;
    }

    @Test
    @Order(2)
    void withTheClockMovedTwoNodesPurgingAtOnceRemoveEachStaleRowOnceKeepTheFreshOnesAndRecordOneRun() throws Exception {
        execute("DELETE FROM oauth_token"); // and, by cascade, every session: this test counts rows
        execute("DELETE FROM login_state");
        execute("DELETE FROM audit_event");
        signIn(a, PRIYA);
        signIn(b, DANIEL);
        signIn(a, LUKAS);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(3);

        // Nine hours later on both nodes (idle timeout 8 h, audit retention 5 h, login states 10 min).
        stopNodes();
        startNodes("-Dportal.test.clock-offset=PT9H");
        SandboxControl sandbox = a.sandbox();
        PortalClient admin = signIn(a, AISHA);
        PortalClient noah = signIn(b, NOAH);
        new PortalClient(b.base()).startLogin(null); // a fresh sign-in attempt, to be kept
        for (int i = 0; i < 3; i++) {
            // Sign-in attempts stamped with the unmoved clock: nine hours old for the nodes. Written directly,
            // because every /login clears expired attempts itself.
            insertLoginState(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        long revocations = sandbox.counter("revocations", "com") + sandbox.counter("revocations", "eu");

        List<JsonObject> answers = purgeOnBothAtOnce(admin);

        List<JsonObject> ran = answers.stream().filter(j -> j.getBoolean("ran")).toList();
        assertThat(ran).as("one node ran the purge: %s", answers).hasSize(1);
        assertThat(answers.stream().mapToInt(j -> j.getInt("sessions")).sum()).as("idle sessions removed").isEqualTo(3);
        assertThat(answers.stream().mapToInt(j -> j.getInt("tokens")).sum()).as("unused tokens").isEqualTo(3);
        assertThat(answers.stream().mapToInt(j -> j.getInt("loginStates")).sum()).as("old login states").isEqualTo(3);
        assertThat(answers.stream().mapToInt(j -> j.getInt("auditRows")).sum()).as("old audit rows").isEqualTo(3);
        // The sandbox restarted with node A and no longer knows these grants: it answers 400 (invalid token),
        // which counts as revoked.
        assertThat(ran.get(0).getInt("revokeFailures")).isZero();
        assertThat(count("SELECT COUNT(*) FROM purge_run")).as("runs recorded").isEqualTo(1);
        assertThat(sandbox.counter("revocations", "com") + sandbox.counter("revocations", "eu") - revocations)
                .as("unused grants revoked at Zoho").isEqualTo(3);
        assertThat(tokenHolders()).containsExactlyInAnyOrder(AISHA, NOAH);
        assertThat(count("SELECT COUNT(*) FROM portal_session")).as("fresh sessions kept").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM login_state")).as("fresh sign-in attempt kept").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN'")).as("recent audit rows kept").isEqualTo(2);
        assertThat(noah.get("/home").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/").body()).contains("id=\"purge-last\"");
    }

    @Test
    @Order(1)
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
