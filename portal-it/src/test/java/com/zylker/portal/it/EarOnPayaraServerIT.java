package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR ({@code ear/target/zylker-portal.ear}: portal-web, crm-module, books-module; token-core once in
 * lib/, portal-ui inside each WAR) on a full Payara Server (the {@code fish.payara.distributions:payara} zip),
 * every listener on 127.0.0.1 and Hazelcast off before the first start, {@code jdbc/portal} on MariaDB, and
 * the zoho-sandbox WAR deployed beside it for this test only. Every context root answers, Login with Zoho
 * works, and the TokenStore inside the EAR writes the grant, reads it for CRM and Books, and writes a refresh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";

    private static Path root;
    private static Path ear;
    private static String dbUrl;
    private static String dbUser;
    private static String dbPassword;
    private static PayaraServer server;

    @BeforeAll
    static void startPayaraServerWithTheEar() throws Exception {
        root = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
        ear = root.resolve("ear/target/zylker-portal.ear");
        Path zip = root.resolve("portal-it/target/payara-server/payara.zip");
        String adminUrl = System.getProperty("portal.test.db.url");
        dbUser = System.getProperty("portal.test.db.user", "portal_test");
        dbPassword = System.getProperty("portal.test.db.password", "portal_test");
        // -Dportal.test.ear-db.name=portal_test_<x>: a database of its own when several builds share MariaDB.
        String dbName = System.getProperty("portal.test.ear-db.name", "portal_test_ear");
        if (!dbName.matches("portal_test_[a-z0-9_]+")) {
            throw new IllegalArgumentException("portal.test.ear-db.name must look like portal_test_…: " + dbName);
        }
        boolean reachable;
        String version = null;
        try (Connection db = DriverManager.getConnection(adminUrl, dbUser, dbPassword)) {
            reachable = true;
            version = db.getMetaData().getDatabaseProductVersion();
        } catch (SQLException | RuntimeException e) {
            reachable = false;
        }
        RequiredServices.require(adminUrl != null && reachable,
                "MariaDB is not reachable at " + adminUrl + " as " + dbUser + " (bash .ci/run sets it up)");
        if (!Files.isRegularFile(zip) || !Files.isRegularFile(ear)) {
            throw new IllegalStateException("missing " + zip + " or " + ear + ": run mvn verify (or install -pl ear first)");
        }
        dbUrl = adminUrl.replaceFirst("/[^/?]+\\?", "/" + dbName + "?");
        try (Connection db = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
             Statement ddl = db.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS " + dbName);
            ddl.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }

        server = PayaraServer.unpack(zip, root.resolve("portal-it/target/payara-server/unpacked"));
        Path data = root.resolve("portal-it/target/payara-server/portal-data");
        Files.createDirectories(data);
        // The base URL names the HTTP port: reserve it before configure() picks the others.
        List<String> options = new ArrayList<>();
        server.ports().put("http", PortalProcesses.freePort());
        String base = "http://localhost:" + server.httpPort();
        options.add("-Dportal.base-url=" + base);
        options.add("-Dsandbox.redirect-uris=" + base + "/oauth/callback");
        options.add("-Dportal.data-dir=" + data);
        options.add("-Dportal.faces.state-key=" + randomKey());
        options.add("-Dzoho.request-timeout=PT10S");
        // MariaDB through Connector/J reports MySQL 5.5.5: tell Hibernate the truth (as PORTAL_DB_PRODUCT does).
        options.add("-Dhibernate.boot.allow_jdbc_metadata_access=false");
        options.add("-Djakarta.persistence.database-product-name=MariaDB");
        options.add("-Djakarta.persistence.database-product-version=" + version.replaceAll("^5\\.5\\.5-", "").replaceAll("-.*", ""));
        Path driver = Path.of(com.mysql.cj.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        server.configure(options, dbUrl, dbUser, dbPassword, driver);
        try {
            server.start();
            server.deploy(root.resolve("zoho-sandbox/target/zoho-sandbox.war"), "zoho-sandbox");
            server.deploy(ear, null);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @AfterAll
    static void stopPayaraServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theEarHoldsTheThreeWarsTokenCoreOnceInLibAndPortalUiInsideEachWar() throws Exception {
        List<String> entries;
        try (ZipFile archive = new ZipFile(ear.toFile())) {
            entries = archive.stream().map(ZipEntry::getName).toList();
            assertThat(entries).filteredOn(n -> n.endsWith(".war")).hasSize(3)
                    .noneMatch(n -> n.contains("sandbox"));
            assertThat(entries).filteredOn(n -> n.startsWith("lib/") && n.contains("token-core")).hasSize(1);
            assertThat(entries).filteredOn(n -> n.startsWith("lib/") && n.contains("portal-ui")).isEmpty();
            for (String war : entries.stream().filter(n -> n.endsWith(".war")).toList()) {
                List<String> inner = new ArrayList<>();
                try (ZipInputStream in = new ZipInputStream(archive.getInputStream(archive.getEntry(war)))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        inner.add(e.getName());
                    }
                }
                assertThat(inner).as(war).anyMatch(n -> n.startsWith("WEB-INF/lib/portal-ui-"))
                        .noneMatch(n -> n.startsWith("WEB-INF/lib/token-core-"))
                        .noneMatch(n -> n.startsWith("WEB-INF/lib/hibernate-core-"));
            }
        }
    }

    @Test
    @Order(2)
    void everyListenerOfTheServerIsOnLoopback() {
        List<String> sockets = server.listeningSockets();
        assertThat(sockets).as("listening sockets of the Payara Server process").isNotEmpty()
                .contains(sockets.stream().filter(s -> s.endsWith(":" + server.httpPort())).findFirst().orElse("http port missing"));
        assertThat(sockets.stream().filter(s -> !PayaraServer.isLoopback(s.substring(0, s.indexOf(':')))).toList())
                .as("sockets beyond loopback (hex address:port) among %s", sockets).isEmpty();
    }

    @Test
    @Order(3)
    void everyContextRootAnswers() {
        PortalClient anonymous = new PortalClient(server.base());
        HttpResponse<String> landing = anonymous.get("/");
        assertThat(landing.statusCode()).as("portal-web at /").isEqualTo(200);
        assertThat(landing.body()).contains("Login with Zoho");
        for (String protectedPath : List.of("/home", "/crm/", "/crm/leads", "/books/")) {
            HttpResponse<String> page = anonymous.get(protectedPath);
            assertThat(page.statusCode()).as(protectedPath).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).as(protectedPath).contains("/login");
        }
        assertThat(anonymous.get("/crm/api/summary").statusCode()).as("crm-module's API without a session").isEqualTo(401);
        assertThat(anonymous.get("/zoho-sandbox/control/counters").statusCode()).as("the sandbox beside the EAR")
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void signInWorksAndTheTokenStoreInsideTheEarWritesReadsAndRefreshes() throws SQLException {
        SandboxControl sandbox = new SandboxControl(server.base().resolve("zoho-sandbox/"));
        sandbox.reset();
        PortalClient browser = new PortalClient(server.base());

        HttpResponse<String> callback = browser.signIn(PRIYA);

        assertThat(callback.statusCode()).as("callback: %s", callback.body()).isEqualTo(302);
        assertThat(browser.cookie("ZYSESSION")).isPresent();
        assertThat(browser.get("/home").body()).contains("Priya Raman");
        assertThat(tokenRows()).as("the grant written by the EAR's TokenStore").containsExactly(PRIYA);

        // Read: crm-module and books-module call (sandbox) Zoho with the stored token.
        HttpResponse<String> board = browser.get("/crm/");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("id=\"board-columns\"");
        assertThat(browser.get("/crm/leads").statusCode()).isEqualTo(200);
        assertThat(browser.get("/books/").statusCode()).isEqualTo(200);
        HttpResponse<String> summary = browser.get("/crm/api/summary");
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);

        // Write: an expired token is refreshed once and the new expiry is stored.
        sandbox.advanceClock(3700);
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             PreparedStatement expire = db.prepareStatement("UPDATE oauth_token SET expiry_time = ?")) {
            expire.setTimestamp(1, Timestamp.from(past));
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        long before = sandbox.counter("refreshes_by_user", PRIYA);
        HttpResponse<String> afterExpiry = browser.get("/crm/?owner=all");

        assertThat(afterExpiry.statusCode()).isEqualTo(200);
        assertThat(afterExpiry.body()).contains("id=\"board-columns\"");
        assertThat(sandbox.counter("refreshes_by_user", PRIYA) - before).as("refreshes").isEqualTo(1);
        assertThat(storedExpiry()).as("the refreshed expiry, written by the EAR").isAfter(Instant.now());
    }

    private static List<String> tokenRows() throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT user_name FROM oauth_token")) {
            List<String> emails = new ArrayList<>();
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
            return emails;
        }
    }

    private static Instant storedExpiry() throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT expiry_time FROM oauth_token")) {
            assertThat(rs.next()).isTrue();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
