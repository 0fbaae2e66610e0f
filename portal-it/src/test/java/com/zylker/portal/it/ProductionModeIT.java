package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's production section followed as written: its {@code production.env} block (placeholders filled
 * with test values), {@code bin/start-portal.sh}, real Zoho URLs whose host names a hosts file
 * ({@code -Djdk.net.hosts.file}) maps to 127.0.0.1 — nothing leaves the machine — and a MariaDB server of
 * the test's own. The portal must start in production mode: liveness and readiness UP, Zoho reported
 * unreachable, the landing page with every security header, {@code __Host-} Secure cookies although the
 * request came over plain http without proxy headers; readiness DOWN while the database is stopped and UP
 * again when it is back, without restarting the portal. A second start with demo leftovers (H2, the sandbox,
 * a test key) is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionModeIT {

    private static final String PUBLIC = "https://portal.zylkeracademy.com";
    private static final List<String> ZOHO_HOSTS = List.of("accounts.zoho.com", "accounts.zoho.eu", "www.zohoapis.com",
            "www.zohoapis.eu", "crm.zoho.com", "crm.zoho.eu");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private OwnMariaDb db;
    private RunningPortal portal;
    private Map<String, String> readmeEnvironment;
    private Path hostsFile;

    @BeforeAll
    void startAsTheReadmeSays() throws IOException {
        RequiredServices.require(OwnMariaDb.installed(), "mariadbd and mariadb-install-db are not installed");
        Path root = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
        readmeEnvironment = productionEnv(Files.readString(root.resolve("README.md")));
        hostsFile = root.resolve("portal-it/target/zoho-hosts-" + PortalProcesses.freePort());
        // The file replaces the system's resolver for the portal's JVM: it must name the machine itself too.
        String self = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(hostsFile, "127.0.0.1 localhost " + self + "\n::1 localhost\n"
                + ZOHO_HOSTS.stream().map(h -> "127.0.0.1 " + h).reduce("", (a, b) -> a + b + "\n"));
        db = OwnMariaDb.create("portal");
        Map<String, String> env = filled(readmeEnvironment, Map.of(
                "PORTAL_DB_URL", db.url("portal"),
                "PORTAL_DB_PASSWORD", "not-checked-by-the-test-server"));
        env.put("PORTAL_DB_PRODUCT", "MariaDB 10.11"); // the README's note for MariaDB; the test's server is one
        env.put("PORTAL_JAVA_OPTS", "-Djdk.net.hosts.file=" + hostsFile);
        portal = PortalProcesses.start("production", env);
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void startsInProductionModeLiveAndReadyWithZohoReportedUnreachable() throws IOException {
        assertThat(compact("/health/live")).contains("\"status\":\"UP\"").contains("\"mode\":\"production\"");
        assertThat(compact("/health/ready")).contains("\"status\":\"UP\"").contains("\"database\"");
        HttpResponse<String> zoho = get("/status/zoho");
        assertThat(zoho.body()).contains("\"status\":\"DOWN\"").contains("\"com\":{\"reachable\":false")
                .contains("\"eu\":{\"reachable\":false");
        // Not public: the management endpoints answer on their own loopback listener only, /status/zoho only to
        // a client on this machine talking to the node directly (a proxy adds X-Forwarded-For).
        for (String path : List.of("/health/ready", "/health/live", "/metrics", "/metrics?scope=application", "/openapi")) {
            assertThat(get(path).statusCode()).as(path + " on the public listener").isEqualTo(404);
        }
        assertThat(send(HttpRequest.newBuilder(portal.management("/metrics?scope=application")).GET()).body())
                .as("control: metrics on the management listener").contains("portal_token_refreshes_total");
        assertThat(send(HttpRequest.newBuilder(portal.management("/openapi")).GET()).statusCode())
                .as("control: OpenAPI on the management listener").isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(portal.url("/status/zoho")).header("X-Forwarded-For", "203.0.113.9")
                .GET()).statusCode()).as("/status/zoho through a proxy").isEqualTo(404);
        // Remote monitoring reads the same on the management listener: every WAR's gauge probed (0), none unknown (-1).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> reachable = List.of();
        while (Instant.now().isBefore(deadline)) {
            reachable = send(HttpRequest.newBuilder(portal.management("/metrics?scope=application")).GET()).body()
                    .lines().filter(l -> l.startsWith("portal_zoho_reachable{")).toList();
            if (!reachable.isEmpty() && reachable.stream().allMatch(l -> l.endsWith(" 0"))) {
                break;
            }
            sleep(1000);
        }
        assertThat(reachable).as("portal_zoho_reachable on the management listener").isNotEmpty()
                .allMatch(l -> l.endsWith(" 0")).anyMatch(l -> l.contains("dc=\"com\"")).anyMatch(l -> l.contains("dc=\"eu\""));
        HttpResponse<String> management = send(HttpRequest.newBuilder(portal.management("/health/live")).GET());
        assertThat(management.headers().firstValue("Server")).as("no version on the management listener").isEmpty();
        assertThat(management.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(Files.readString(portal.log())).as("the production start deploys no sandbox")
                .doesNotContain("Zoho sandbox: client");
    }

    @Test
    @Order(2)
    void theLandingPageCarriesEveryHeaderAndTheSignInCookiesAreHostPrefixedAndSecure() {
        HttpResponse<String> landing = get("/");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("login-with-zoho");
        assertThat(landing.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'").contains("script-src 'self' 'nonce-");
        assertThat(landing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(landing.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(landing.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
        assertThat(landing.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(landing.headers().firstValue("Server")).isEmpty();
        // The container's session cookie, which the landing page gets, follows the https base URL too.
        assertThat(landing.headers().allValues("Set-Cookie")).as("the landing page's cookies")
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));

        // Plain http from the test, no X-Forwarded-Proto: the https base URL alone decides.
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).startsWith("https://accounts.zoho.com/oauth/v2/auth?")
                .contains("redirect_uri=" + java.net.URLEncoder.encode(PUBLIC + "/oauth/callback", StandardCharsets.UTF_8));
        String state = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-ZYLOGIN="))
                .findFirst().orElseThrow();
        assertThat(state).contains("Secure").contains("HttpOnly").contains("Path=/").doesNotContain("Domain=")
                .doesNotContain("Path=/oauth");
    }

    @Test
    @Order(3)
    void writesAreComparedWithTheConfiguredOriginNotTheHostHeader() {
        String nodeOrigin = portal.base().toString().replaceAll("/$", "");
        HttpResponse<String> fromNode = send(HttpRequest.newBuilder(portal.url("/logout"))
                .header("Origin", nodeOrigin).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(fromNode.statusCode()).as("the node's own address is not the portal's origin").isEqualTo(403);
    }

    @Test
    @Order(4)
    void readinessGoesDownWithTheDatabaseAndComesBackWithoutARestart() {
        db.stop();
        awaitBody("/health/ready", body -> body.contains("\"status\":\"DOWN\""), Duration.ofSeconds(60));
        assertThat(compact("/health/live")).as("still alive").contains("\"status\":\"UP\"");
        db.start();
        awaitBody("/health/ready", body -> body.contains("\"status\":\"UP\""), Duration.ofSeconds(90));
        assertThat(portal.process().isAlive()).as("the same portal process").isTrue();
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void demoLeftoversAreRefused() throws IOException {
        // The README's settings, but the embedded H2 database (no PORTAL_DB_URL), no sign-in rule of its own
        // and a test-only key: every WAR's deployment fails and says why.
        Map<String, String> env = filled(readmeEnvironment, Map.of("PORTAL_DB_URL", "", "PORTAL_DB_PASSWORD", ""));
        env.remove("PORTAL_DB_URL");
        // (PORTAL_WITH_SANDBOX=true is refused by the start script itself: StartScriptTest.)
        env.remove("PORTAL_SIGN_IN_ALLOWED_DOMAINS"); // the bundled demo default must not count
        env.put("PORTAL_JAVA_OPTS", "-Djdk.net.hosts.file=" + hostsFile + " -Dportal.test.clock-offset=PT0S");
        RunningPortal refused = PortalProcesses.launch("production-refused", env);
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
            String log = "";
            while (Instant.now().isBefore(deadline) && refused.process().isAlive()
                    && count(log, "portal.mode=production refuses to start") < 3) {
                sleep(1000);
                log = Files.readString(refused.log());
            }
            assertThat(log).contains("portal.mode=production refuses to start")
                    .contains("the database is the embedded H2 demo database")
                    .contains("portal.test.clock-offset is a test-only setting")
                    .contains("sign-in is open to any Zoho account");
            assertThat(count(log, "portal.mode=production refuses to start")).as("every WAR refuses").isGreaterThanOrEqualTo(3);
            HttpResponse<String> landing = send(HttpRequest.newBuilder(refused.url("/")).GET());
            assertThat(landing.statusCode()).as("no portal page is served").isNotEqualTo(200);
            String ready = send(HttpRequest.newBuilder(refused.management("/health/ready")).GET()).body().replaceAll("\\s+", "");
            assertThat(ready).as("a load balancer sees the refused node as not ready").contains("\"status\":\"DOWN\"");
        } finally {
            refused.close();
        }
    }

    /** The {@code production.env} block of the README's production section: {@code KEY=value} lines. */
    static Map<String, String> productionEnv(String readme) {
        Matcher block = Pattern.compile("```bash\\n# production\\.env.*?\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has the production.env block").isTrue();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : block.group(1).split("\\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            env.put(trimmed.substring(0, eq), unquote(trimmed.substring(eq + 1)));
        }
        return env;
    }

    /** The README's values with every {@code <placeholder>} filled: secrets generated, the rest from {@code given}. */
    private static Map<String, String> filled(Map<String, String> readme, Map<String, String> given) {
        Map<String, String> env = new LinkedHashMap<>();
        readme.forEach((key, value) -> {
            if (given.containsKey(key)) {
                env.put(key, given.get(key));
            } else if (value.contains("<")) {
                env.put(key, switch (key) {
                    case "PORTAL_CRYPTO_KEYS" -> "k1:" + randomKey();
                    case "PORTAL_FACES_STATE_KEY" -> randomKey();
                    case "ZOHO_CLIENT_SECRET" -> randomKey();
                    case "ZOHO_CLIENT_ID" -> "1000.ZYLKERPRODUCTIONTEST";
                    default -> throw new IllegalStateException("no test value for the README's placeholder " + key + "=" + value);
                });
            } else {
                env.put(key, value);
            }
        });
        return env;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))
                ? v.substring(1, v.length() - 1) : v;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The answer, its body without whitespace between JSON tokens (Payara's health output is pretty-printed). */
    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(portal.url(path)).GET());
    }

    /** A management endpoint's answer (on the management listener), without whitespace between JSON tokens. */
    private String compact(String path) {
        return send(HttpRequest.newBuilder(portal.management(path)).GET()).body().replaceAll("\\s+", "");
    }

    private void awaitBody(String path, Predicate<String> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = compact(path);
            if (done.test(body)) {
                return;
            }
            sleep(1000);
        }
        throw new AssertionError(path + " did not change as expected within " + timeout + "; last answer: " + body);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
