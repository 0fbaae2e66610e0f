package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's nginx with {@code docker/nginx.conf} — rendered onto loopback: free ports, a certificate made for
 * this run in {@code target/}, one worker (so round robin is exact), a response header naming the node that
 * answered — in front of two portal nodes (bin/start-portal.sh, no sandbox) on one MariaDB database and one
 * standalone zoho-sandbox process. A user signs in through TLS, uses every module, an ajax action and a form
 * while requests alternate between the nodes; one node is stopped mid-journey and the user carries on.
 */
class NginxTwoNodesIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final Path NGINX = Path.of(System.getProperty("portal.test.nginx", "/usr/sbin/nginx"));
    private static final String NODE_HEADER = "X-Test-Upstream";

    private static Path root;
    private static Path work;
    private static RunningPortal sandboxProcess;
    private static RunningPortal nodeA;
    private static RunningPortal nodeB;
    private static Process nginx;
    private static URI publicBase;
    private static SSLContext trustTheTestCertificate;

    @BeforeAll
    static void startSandboxNodesAndNginx() throws Exception {
        RequiredServices.require(Files.isExecutable(NGINX), NGINX + " is not installed (bash .ci/run installs Debian's nginx)");
        String adminUrl = System.getProperty("portal.test.db.url");
        String dbUser = System.getProperty("portal.test.db.user", "portal_test");
        String dbPassword = System.getProperty("portal.test.db.password", "portal_test");
        // -Dportal.test.nginx-db.name=portal_test_<x>: a database of its own when several builds share MariaDB.
        String dbName = System.getProperty("portal.test.nginx-db.name", "portal_test_nginx");
        if (!dbName.matches("portal_test_[a-z0-9_]+")) {
            throw new IllegalArgumentException("portal.test.nginx-db.name must look like portal_test_…: " + dbName);
        }
        boolean reachable;
        try (Connection ignored = DriverManager.getConnection(adminUrl, dbUser, dbPassword)) {
            reachable = true;
        } catch (SQLException | RuntimeException e) {
            reachable = false;
        }
        RequiredServices.require(adminUrl != null && reachable,
                "MariaDB is not reachable at " + adminUrl + " as " + dbUser + " (bash .ci/run sets it up)");
        try (Connection db = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
             Statement ddl = db.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS " + dbName);
            ddl.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }

        root = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("portal-it/target/nginx-" + System.currentTimeMillis());
        Files.createDirectories(work.resolve("tmp"));
        Files.setPosixFilePermissions(work.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        int tlsPort = PortalProcesses.freePort();
        int httpPort = PortalProcesses.freePort();
        publicBase = URI.create("https://localhost:" + tlsPort + "/");
        String origin = "https://localhost:" + tlsPort;
        trustTheTestCertificate = selfSignedCertificate();

        sandboxProcess = startSandbox(origin + "/oauth/callback");
        Map<String, String> shared = new HashMap<>();
        shared.put("PORTAL_DB_URL", adminUrl.replaceFirst("/[^/?]+\\?", "/" + dbName + "?"));
        shared.put("PORTAL_DB_USER", dbUser);
        shared.put("PORTAL_DB_PASSWORD", dbPassword);
        shared.put("PORTAL_DB_PRODUCT", "MariaDB 10.11");
        shared.put("PORTAL_CRYPTO_KEYS", "ng1:" + randomKey());
        shared.put("PORTAL_FACES_STATE_KEY", randomKey());
        shared.put("PORTAL_WITH_SANDBOX", "false");
        shared.put("PORTAL_BASE_URL", origin);
        shared.put("PORTAL_JAVA_OPTS", "-Dzoho.request-timeout=PT20S -Dportal.trusted-proxies=127.0.0.1 -Dzoho.sandbox-url="
                + sandboxProcess.url("zoho-sandbox"));
        nodeA = PortalProcesses.launch("nginx-node-a", shared);
        nodeB = PortalProcesses.launch("nginx-node-b", shared);
        PortalProcesses.awaitReady(nodeA, false);
        PortalProcesses.awaitReady(nodeB, false);

        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, render(Files.readString(root.resolve("docker/nginx.conf")), tlsPort, httpPort));
        Process check = new ProcessBuilder(NGINX.toString(), "-t", "-p", work.toString(), "-e", work.resolve("error.log").toString(),
                "-c", conf.toString()).redirectErrorStream(true).start();
        String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as("nginx -t: %s", checkOutput).isZero();
        nginx = new ProcessBuilder(NGINX.toString(), "-p", work.toString(), "-e", work.resolve("error.log").toString(),
                "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        awaitNginx();
    }

    @AfterAll
    static void stopEverything() {
        if (nginx != null) {
            nginx.destroy();
            try {
                if (!nginx.waitFor(20, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (RunningPortal process : new RunningPortal[] {nodeB, nodeA, sandboxProcess}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aJourneyThroughNginxAlternatesBetweenTheNodesAndCarriesOnWhenOneStops() {
        sandboxProcess.sandbox().reset();
        String a = "127.0.0.1:" + nodeA.base().getPort();
        String b = "127.0.0.1:" + nodeB.base().getPort();
        PortalClient browser = new PortalClient(publicBase, trustTheTestCertificate);
        List<String> servedBy = new ArrayList<>();

        // Sign in: /login and the callback go through nginx, the sign-in pages are the sandbox's.
        HttpResponse<String> login = browser.get("/login");
        servedBy.add(node(login));
        URI callback = browser.authorize(PortalClient.location(login), PRIYA, true);
        assertThat(callback.toString()).startsWith(publicBase + "oauth/callback");
        HttpResponse<String> signedIn = browser.get(callback.toString());
        servedBy.add(node(signedIn));
        assertThat(signedIn.statusCode()).as("callback: %s", signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).as("cookies set behind TLS termination")
                .isNotEmpty().allMatch(c -> c.contains("Secure"));

        // Every module, alternating between the nodes.
        assertThat(page(browser, "/home", servedBy)).contains("Priya Raman");
        assertThat(page(browser, "/crm/", servedBy)).contains("id=\"board-columns\"");
        assertThat(page(browser, "/crm/leads", servedBy)).contains("Student enquiries");
        assertThat(page(browser, "/books/", servedBy)).isNotBlank();
        HttpResponse<String> summary = browser.send(HttpRequest.newBuilder(browser.url("/crm/api/summary"))
                .header("Accept", "application/json").GET());
        servedBy.add(node(summary));
        assertThat(summary.statusCode()).as("the dashboard's ajax summary: %s", summary.body()).isEqualTo(200);
        String account = page(browser, "/account", servedBy);
        String token = FacesForms.csrfToken(account);
        String nonce = FacesForms.nonce(account); // the view's CSP nonce travels in its state to the other node
        String origin = publicBase.toString().substring(0, publicBase.toString().length() - 1);
        String step2 = FacesForms.ajax(browser, origin, "/account", "report", "report:next-area",
                FacesForms.viewState(account), nonce, token, Map.of("report:area", "INVOICES"));
        assertThat(step2).as("ajax step 2").contains("id=\"report:details\"");

        assertThat(servedBy).as("nodes that served the requests before the stop").containsOnly(a, b);
        assertThat(servedBy.stream().filter(a::equals).count()).as("requests on node A of %s", servedBy)
                .isGreaterThanOrEqualTo(servedBy.size() / 2 - 1);
        assertThat(servedBy.stream().filter(b::equals).count()).as("requests on node B of %s", servedBy)
                .isGreaterThanOrEqualTo(servedBy.size() / 2 - 1);

        // Node A goes away mid-journey.
        nodeA.close();
        List<String> afterStop = new ArrayList<>();

        String step3 = FacesForms.ajax(browser, origin, "/account", "report", "report:next-details",
                FacesForms.updatedViewState(step2), nonce, token, Map.of("report:details", "Sent while a node was down.",
                        "report:page", "/books/"));
        assertThat(step3).as("ajax step 3 remembers step 2").contains("Invoices and payments")
                .contains("Sent while a node was down.");
        String sent = FacesForms.ajax(browser, origin, "/account", "report", "report:send",
                FacesForms.updatedViewState(step3), nonce, token, Map.of());
        assertThat(sent).as("the wizard's form sent after the stop").containsPattern("ZY-[A-Z0-9]{6}");
        assertThat(page(browser, "/crm/", afterStop)).contains("id=\"board-columns\"");
        assertThat(page(browser, "/crm/leads", afterStop)).contains("Student enquiries");
        assertThat(page(browser, "/books/", afterStop)).isNotBlank();
        assertThat(page(browser, "/home", afterStop)).contains("Priya Raman");
        assertThat(afterStop).as("after the stop every answer came from node B").allMatch(b::equals);
        assertThat(accessLog()).as("nginx tried the stopped node and passed the request on to B")
                .contains("upstream=" + a + ", " + b);

        // Management endpoints answer on the node's own address, not through the public entry.
        PortalClient direct = new PortalClient(nodeB.base());
        for (String path : List.of("/health/ready", "/metrics", "/status/zoho", "/openapi")) {
            assertThat(browser.get(path).statusCode()).as("%s through nginx", path).isEqualTo(404);
        }
        assertThat(direct.get("/health/ready").statusCode()).as("control: readiness on node B itself").isEqualTo(200);
        assertThat(direct.get("/metrics").statusCode()).as("control: metrics on node B itself").isEqualTo(200);

        // The layout's sign-out form, through nginx to the remaining node.
        HttpResponse<String> signOut = browser.signOut("");
        assertThat(signOut.statusCode()).as("sign-out: %s", signOut.body()).isBetween(302, 303);
        assertThat(node(signOut)).isEqualTo(b);
        assertThat(browser.get("/home").statusCode()).as("signed out").isEqualTo(302);
    }

    /** GET {@code path} through nginx; expects 200 and records which node answered. */
    private static String page(PortalClient browser, String path, List<String> servedBy) {
        HttpResponse<String> response = browser.get(path);
        servedBy.add(node(response));
        assertThat(response.statusCode()).as("%s via %s", path, response.headers().firstValue(NODE_HEADER).orElse("?"))
                .isEqualTo(200);
        return response.body();
    }

    /** The node that finally answered (nginx lists every node it tried, the last one answered). */
    private static String node(HttpResponse<?> response) {
        String upstreams = response.headers().firstValue(NODE_HEADER).orElse("no " + NODE_HEADER + " header");
        String[] tried = upstreams.split(",\\s*");
        return tried[tried.length - 1];
    }

    private static String accessLog() {
        try {
            return Files.readString(work.resolve("access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * docker/nginx.conf on loopback: every replacement must find its original, so a change of the real file
     * shows up here instead of being silently left out of the test.
     */
    static String render(String conf, int tlsPort, int httpPort) {
        Map<String, String> replacements = new java.util.LinkedHashMap<>();
        replacements.put("worker_processes auto;", "worker_processes 1;");
        replacements.put("pid /tmp/nginx.pid;", "pid " + work.resolve("nginx.pid") + ";");
        replacements.put("include mime.types;", Files.exists(Path.of("/etc/nginx/mime.types"))
                ? "include /etc/nginx/mime.types;" : "");
        replacements.put("access_log /dev/stdout portal;", "access_log " + work.resolve("access.log") + " portal;\n"
                + "    client_body_temp_path " + work.resolve("tmp/body") + ";\n"
                + "    proxy_temp_path " + work.resolve("tmp/proxy") + ";");
        replacements.put("server portal-1:8080 ", "server 127.0.0.1:" + nodeA.base().getPort() + " ");
        replacements.put("server portal-2:8080 ", "server 127.0.0.1:" + nodeB.base().getPort() + " ");
        replacements.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        replacements.put("listen 443 ssl;", "listen 127.0.0.1:" + tlsPort + " ssl;");
        replacements.put("/etc/nginx/tls/fullchain.pem", work.resolve("fullchain.pem").toString());
        replacements.put("/etc/nginx/tls/privkey.pem", work.resolve("privkey.pem").toString());
        replacements.put("proxy_pass http://portal;", "proxy_pass http://portal;\n"
                + "            add_header " + NODE_HEADER + " $upstream_addr always;");
        String rendered = conf;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            assertThat(rendered).as("docker/nginx.conf still has '%s'", r.getKey()).contains(r.getKey());
            rendered = rendered.replace(r.getKey(), r.getValue());
        }
        assertThat(rendered).as("nothing but loopback").doesNotContainPattern("listen (80|443)\\b");
        return rendered;
    }

    /** A certificate for localhost made for this run (openssl), and an SSL context that trusts only it. */
    private static SSLContext selfSignedCertificate() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", work.resolve("privkey.pem").toString(), "-out", work.resolve("fullchain.pem").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("openssl.out").toFile()).start();
        assertThat(openssl.waitFor()).as("openssl req").isZero();
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(work.resolve("fullchain.pem"))) {
            trust.setCertificateEntry("nginx-it", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }

    /** The zoho-sandbox alone in a Payara Micro of its own (loopback, no Hazelcast), as Zoho stands apart. */
    private static RunningPortal startSandbox(String redirectUri) throws IOException {
        int port = PortalProcesses.freePort();
        Path data = work.resolve("sandbox");
        Files.createDirectories(data.resolve("tmp"));
        Path log = work.resolve("sandbox.log");
        Process process = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + data.resolve("tmp"), "-Dh2.bindAddress=127.0.0.1",
                "-Dsandbox.redirect-uris=" + redirectUri,
                "-jar", root.resolve("portal-web/target/payara/payara-micro.jar").toString(),
                "--port", Integer.toString(port),
                "--prebootcommandfile", root.resolve("etc/payara/preboot.asadmin").toString(),
                "--disablephonehome",
                "--deploy", root.resolve("zoho-sandbox/target/zoho-sandbox.war").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningPortal sandbox = new RunningPortal(URI.create("http://localhost:" + port + "/"), process, log, data);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sandbox exited during startup; see " + log);
            }
            try {
                HttpResponse<String> counters = http.send(HttpRequest.newBuilder(sandbox.url("zoho-sandbox/control/counters"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (counters.statusCode() == 200) {
                    return sandbox;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        sandbox.close();
        throw new IllegalStateException("the sandbox did not start; see " + log);
    }

    private static void awaitNginx() {
        PortalClient probe = new PortalClient(publicBase, trustTheTestCertificate);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited; see " + work.resolve("error.log") + ": "
                        + PayaraServer.tail(work.resolve("error.log")));
            }
            try {
                if (probe.get("/").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(200);
        }
        throw new IllegalStateException("nginx did not answer; see " + work.resolve("error.log"));
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
