package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin area over HTTP against the whole portal: who may sign in (the sandbox's outside user is refused
 * and leaves nothing behind; a blocked person cannot sign in until unblocked), delete-all with a revocation
 * Zoho refuses, the 403 for everyone but admins (a forged Faces post with a valid view state included), and
 * {@code /login} flooded from one address. Rows are counted through the admin API's stats.
 */
@ExtendWith(WholePortal.class)
class AdminIT {

    private static final String AISHA = "aisha.khan@zylkeracademy.com";
    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String DANIEL = "daniel.brooks@zylkeracademy.com";
    private static final String NOAH = "noah.williams@zylkeracademy.com";
    private static final String OUTSIDER = "oscar.vance@northwind-tutors.example";
    private static final Pattern PROBLEM_TITLE = Pattern.compile("id=\"signin-problem-title\">([^<]*)<");

    private RunningPortal portal;
    private SandboxControl sandbox;

    @BeforeEach
    void freshSandbox(RunningPortal portal) {
        this.portal = portal;
        sandbox = portal.sandbox();
        sandbox.reset();
    }

    @Test
    void theOutsideUserIsRefusedLeavesNoRowsAndTheirFreshGrantIsRevoked() {
        PortalClient admin = signedIn(AISHA);
        JsonObject before = stats(admin);
        long revocations = sandbox.counter("revocations", "com");

        PortalClient outsider = new PortalClient(portal.base());
        HttpResponse<String> refused = outsider.signIn(OUTSIDER);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(title(refused.body())).isEqualTo("This Zoho account may not use the portal");
        assertThat(outsider.cookie("ZYSESSION")).isEmpty();
        assertThat(sandbox.counter("revocations", "com") - revocations).as("the fresh grant revoked").isEqualTo(1);
        JsonObject after = stats(admin);
        assertThat(after.getJsonArray("tokenUsers").toString()).doesNotContain(OUTSIDER);
        assertThat(after.getInt("tokens")).isEqualTo(before.getInt("tokens"));
        assertThat(after.getInt("sessions")).isEqualTo(before.getInt("sessions"));
        assertThat(after.getInt("loginStates")).as("the state was consumed").isEqualTo(before.getInt("loginStates"));
        assertThat(admin.get("/admin/audit?action=SIGN_IN_REFUSED").body()).contains(OUTSIDER);
    }

    @Test
    void aBlockedPersonIsSignedOutAndCannotSignInUntilUnblocked() {
        PortalClient admin = signedIn(AISHA);
        PortalClient noah = signedIn(NOAH);
        long revocations = sandbox.counter("revocations", "com");

        HttpResponse<String> blocked = submit(admin, "/admin/", "block-form", "block-form:block",
                Map.of("block-form:block-email", NOAH));
        assertThat(blocked.body()).contains("class=\"blocked-user\">" + NOAH);
        assertThat(noah.get("/home").statusCode()).as("blocked: signed out").isEqualTo(302);
        assertThat(sandbox.counter("revocations", "com") - revocations).as("grant revoked").isEqualTo(1);
        HttpResponse<String> refused = new PortalClient(portal.base()).signIn(NOAH);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(title(refused.body())).isEqualTo("Your access to the portal has been withdrawn");

        Matcher unblock = Pattern.compile("name=\"(block-form:[^\"]+)\" value=\"Unblock\"").matcher(blocked.body());
        assertThat(unblock.find()).isTrue();
        submit(admin, "/admin/", "block-form", unblock.group(1), Map.of());
        assertThat(new PortalClient(portal.base()).signIn(NOAH).statusCode()).as("unblocked: signed in").isEqualTo(302);
        assertThat(admin.get("/admin/audit").body()).contains("data-action=\"BLOCK\"", "data-action=\"UNBLOCK\"");
    }

    @Test
    void deleteAllSignsEveryoneOutRevokesEveryGrantAndListsTheRefusedRevocation() {
        PortalClient admin = signedIn(AISHA);
        PortalClient priya = signedIn(PRIYA);
        PortalClient daniel = signedIn(DANIEL);
        int tokens = stats(admin).getInt("tokens");
        long revocations = revocations(); // every data centre: other test classes leave Lukas (eu) signed in
        sandbox.fault("revoke", 500, 0, 1);

        HttpResponse<String> wrongWord = submit(admin, "/admin/", "delete-all-form", "delete-all-form:delete-all",
                Map.of("delete-all-form:delete-all-word", "delete"));
        assertThat(wrongWord.body()).contains("Type DELETE to confirm").doesNotContain("id=\"delete-all-done\"");
        HttpResponse<String> done = submit(admin, "/admin/", "delete-all-form", "delete-all-form:delete-all",
                Map.of("delete-all-form:delete-all-word", "DELETE"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body().replaceAll("\\s+", " ")).contains("id=\"delete-all-done\"",
                tokens + " grants deleted, " + (tokens - 1) + " revoked");
        assertThat(Pattern.compile("class=\"delete-all-failure\">").matcher(done.body()).results().count())
                .as("the one revocation the sandbox refused is listed").isEqualTo(1);
        assertThat(revocations() - revocations).isEqualTo(tokens);
        assertThat(priya.get("/home").statusCode()).isEqualTo(302);
        assertThat(daniel.get("/crm/").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/").statusCode()).as("the admin too").isEqualTo(302);
        PortalClient again = signedIn(AISHA);
        JsonObject after = stats(again);
        assertThat(after.getInt("tokens")).isEqualTo(1);
        assertThat(after.getInt("sessions")).isEqualTo(1);
        String audit = again.get("/admin/audit").body();
        assertThat(audit).contains("data-action=\"DELETE_ALL\"", "data-action=\"REVOCATION_REFUSED\"");
        String byAction = again.get("/admin/audit?action=DELETE_ALL").body();
        assertThat(byAction).as("filtered by action").contains("data-action=\"DELETE_ALL\"")
                .doesNotContain("data-action=\"SIGN_IN\"", "data-action=\"REVOCATION_REFUSED\"");
        String byPerson = again.get("/admin/audit?who=daniel.brooks").body();
        assertThat(byPerson).as("filtered by person").contains("daniel.brooks@zylkeracademy.com")
                .doesNotContain("data-action=\"DELETE_ALL\"");
        assertThat(again.get("/admin/audit?who=daniel_brooks").body()).as("an underscore is no wildcard in the audit either")
                .doesNotContain("daniel.brooks@zylkeracademy.com");
    }

    @Test
    void everyoneButAnAdminGets403OnEveryAdminUrlAndActionAndAnonymousVisitorsAreSentToSignIn() {
        PortalClient admin = signedIn(AISHA);
        String adminPage = admin.get("/admin/").body();
        PortalClient priya = signedIn(PRIYA);
        String priyasToken = priya.csrfToken().orElseThrow();

        for (String path : List.of("/admin/", "/admin/audit", "/admin/index.xhtml", "/admin/audit.xhtml", "/api/admin/stats")) {
            assertThat(priya.get(path).statusCode()).as("GET %s as a coordinator", path).isEqualTo(403);
        }
        assertThat(priya.postFromPage("/api/admin/purge").statusCode()).as("purge API").isEqualTo(403);
        Map<String, String> forged = new HashMap<>();
        forged.put("jakarta.faces.partial.ajax", "true");
        forged.put("jakarta.faces.source", "sessions-form:sessions-table:0:revoke");
        forged.put("jakarta.faces.partial.execute", "@all");
        forged.put("sessions-form", "sessions-form");
        forged.put("sessions-form:sessions-table:0:revoke", "sessions-form:sessions-table:0:revoke");
        forged.put("jakarta.faces.ViewState", FacesForms.viewState(adminPage));
        forged.put("primefaces.nonce", FacesForms.nonce(adminPage)); // as PrimeFaces' script sends it
        HttpResponse<String> ajax = priya.send(FacesForms.formPost(priya.url("/admin/"), forged)
                .header("Faces-Request", "partial/ajax").header("Origin", origin()).header("Sec-Fetch-Site", "same-origin")
                .header("X-CSRF-Token", priyasToken));
        assertThat(ajax.statusCode()).as("forged ajax revoke with a valid view state").isEqualTo(403);
        assertThat(admin.get("/admin/").statusCode()).as("the admin's own session survived").isEqualTo(200);

        // Positive control, and the row the admin clicked: the same hand-made click from the admin, on row 0 of
        // the table filtered to Priya, ends Priya's session even though a newer sign-in (Noah's) now sits at
        // row 0 of the unfiltered table that a postback would rebuild.
        String filtered = admin.get("/admin/?user=" + java.net.URLEncoder.encode(PRIYA, java.nio.charset.StandardCharsets.UTF_8)).body();
        // PrimeFaces writes the parameter into the button's script: name:"revoke\-session",value:"4fdd…\-…"
        Matcher rowSession = Pattern.compile("revoke\\\\?-session&quot;,value:&quot;([^&]+)&quot;").matcher(filtered);
        assertThat(rowSession.find()).as("the filtered table's revoke button names its session: %s", filtered).isTrue();
        // A LIKE wildcard in the search box is text: "priya_raman" is not "priya.raman" (the filter's Criteria
        // query escapes it; a bare _ would match the dot).
        String underscore = admin.get("/admin/?user=priya_raman").body();
        assertThat(underscore).as("an underscore finds no Priya").contains("No sessions.");
        assertThat(filtered).as("control: her real address finds her").doesNotContain("No sessions.");
        PortalClient noah = signedIn(NOAH);
        Map<String, String> click = new HashMap<>(forged);
        click.put("jakarta.faces.ViewState", FacesForms.viewState(filtered));
        click.put("primefaces.nonce", FacesForms.nonce(filtered));
        click.put("revoke-session", rowSession.group(1).replace("\\", ""));
        HttpResponse<String> revoked = admin.send(FacesForms.formPost(admin.url("/admin/"), click)
                .header("Faces-Request", "partial/ajax").header("Origin", origin()).header("Sec-Fetch-Site", "same-origin")
                .header("X-CSRF-Token", admin.csrfToken().orElseThrow()));
        assertThat(revoked.statusCode()).as("the admin's own click: %s", revoked.body()).isEqualTo(200);
        assertThat(revoked.body()).contains("Session of " + PRIYA + " ended");
        assertThat(priya.get("/home").statusCode()).as("Priya signed out").isEqualTo(302);
        assertThat(noah.get("/home").statusCode()).as("Noah, now at row 0 unfiltered, still signed in").isEqualTo(200);

        PortalClient anonymous = new PortalClient(portal.base());
        HttpResponse<String> toSignIn = anonymous.get("/admin/audit");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(toSignIn.headers().firstValue("Location").orElseThrow()).contains("/login?return=%2Fadmin%2Faudit");
    }

    @Test
    void thousandsOfAnonymousLoginsFromOneAddressKeepTheStateRowsBounded() throws Exception {
        // Another address starts a sign-in before the flood (127.0.0.2: still loopback, its own client address).
        PortalClient other = new PortalClient(portal.base());
        URI otherAuthorization = loginFrom("127.0.0.2", other);
        int requests = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> new PortalClient(portal.base()).get("/login?return=/crm/").statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }

        PortalClient admin = signedIn(AISHA);
        assertThat(stats(admin).getInt("loginStates")).as("pending sign-ins after %d anonymous /login", requests)
                .isBetween(0, 40);
        assertThat(signedIn(PRIYA).get("/home").statusCode()).as("a real sign-in still works").isEqualTo(200);
        HttpResponse<String> otherCallback = other.get(other.authorize(otherAuthorization, DANIEL, true).toString());
        assertThat(otherCallback.statusCode()).as("the other address's sign-in, started before the flood, completes: %s",
                otherCallback.body()).isEqualTo(302);
        assertThat(other.get("/home").statusCode()).isEqualTo(200);
        assertThat(new PortalClient(portal.base()).get("/login?return=/" + "a".repeat(600)).statusCode())
                .as("a long return path is not stored").isEqualTo(302);
    }

    /**
     * {@code GET /login} over a socket bound to {@code localAddress} (java.net.http cannot choose its source
     * address on JDK 17); the cookies it sets go into {@code client}, which carries on from there.
     */
    private URI loginFrom(String localAddress, PortalClient client) throws java.io.IOException {
        URI base = portal.base();
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /login?return=%2Fhome HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            assertThat(head).as("/login from %s", localAddress).startsWith("HTTP/1.1 302");
            URI location = null;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Location")) {
                    location = base.resolve(value);
                } else if (name.equalsIgnoreCase("Set-Cookie")) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    client.cookies().put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            assertThat(location).as(head).isNotNull();
            return location;
        }
    }

    private PortalClient signedIn(String email) {
        PortalClient client = new PortalClient(portal.base());
        HttpResponse<String> callback = client.signIn(email);
        assertThat(callback.statusCode()).as("%s signs in: %s", email, callback.body()).isEqualTo(302);
        return client;
    }

    /** Revocations the sandbox counted in the demo users' data centres. */
    private long revocations() {
        return sandbox.counter("revocations", "com") + sandbox.counter("revocations", "eu");
    }

    private JsonObject stats(PortalClient admin) {
        HttpResponse<String> response = admin.get("/api/admin/stats");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Submits a Faces form as a browser does (non-ajax): the page's view state and the session's CSRF token. */
    private HttpResponse<String> submit(PortalClient client, String path, String form, String button, Map<String, String> fields) {
        String page = client.get(path).body();
        Map<String, String> params = new HashMap<>(fields);
        params.put(form, form);
        params.put(button, button);
        params.put("jakarta.faces.ViewState", FacesForms.viewState(page));
        params.put("zy-csrf", FacesForms.csrfToken(page));
        params.put("primefaces.nonce", FacesForms.nonce(page));
        HttpRequest.Builder request = FacesForms.formPost(client.url(path), params)
                .header("Origin", origin()).header("Sec-Fetch-Site", "same-origin");
        HttpResponse<String> response = client.send(request);
        assertThat(response.statusCode()).as("%s on %s: %s", button, path, response.body()).isEqualTo(200);
        return response;
    }

    private String origin() {
        String base = portal.base().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String title(String html) {
        Matcher m = PROBLEM_TITLE.matcher(html);
        return m.find() ? m.group(1).strip() : html;
    }
}
