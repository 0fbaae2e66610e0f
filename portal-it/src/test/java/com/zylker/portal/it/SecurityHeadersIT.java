package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The safe defaults every response of the whole portal carries, over HTTP: the Content-Security-Policy with
 * PrimeFaces' nonce on Faces pages and no inline script without it, the other security headers, no server
 * version; proxy headers from an untrusted peer ignored; and a journey's log holding none of the secrets
 * Zoho (the sandbox) issued.
 */
@ExtendWith(WholePortal.class)
class SecurityHeadersIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private RunningPortal portal;
    private PortalClient client;

    @BeforeEach
    void freshSandbox(RunningPortal portal) {
        this.portal = portal;
        portal.sandbox().reset();
        client = new PortalClient(portal.base());
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeadersAndNoServerVersion() {
        client.signIn(PRIYA);
        List<String> paths = List.of("/", "/home", "/account", "/crm/", "/crm/leads", "/books/", "/no-such-page",
                "/crm/api/summary", "/jakarta.faces.resource/zylker.js.xhtml?ln=zylker", "/login?return=%2Fhome");
        for (String path : paths) {
            HttpResponse<String> response = client.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path + ": one policy").hasSize(1);
            assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("object-src 'none'")
                    .contains("default-src 'self'").contains("script-src 'self'");
            assertThat(scriptSources(csp)).as(path + ": no inline or eval'd script allowed")
                    .doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + ": no HSTS over http").isEmpty();
        }
    }

    @Test
    void facesPagesRunNoScriptWithoutTheirNonceAndNoInlineHandlers() {
        client.signIn(PRIYA);
        for (String path : List.of("/", "/home", "/account", "/crm/", "/crm/leads", "/books/")) {
            HttpResponse<String> page = client.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
            assertThat(nonce.find()).as(path + " has a nonce: " + csp).isTrue();
            Matcher tag = SCRIPT_TAG.matcher(page.body());
            int inline = 0;
            while (tag.find()) {
                String attributes = tag.group(1);
                if (!attributes.contains("src=")) {
                    inline++;
                    assertThat(attributes).as(path + ": inline script with the page's nonce")
                            .contains("nonce=\"" + nonce.group(1) + "\"");
                }
            }
            assertThat(inline).as(path + ": PrimeFaces' widget scripts are there").isPositive();
            assertThat(INLINE_HANDLER.matcher(page.body()).find()).as(path + ": no on*= attribute").isFalse();
        }
    }

    @Test
    void forwardedProtoFromAnUntrustedPeerDoesNotMakeTheCookieSecure() {
        // No portal.trusted-proxies: anyone sending X-Forwarded-* is a client like any other.
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(client.url("/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").GET());
        String state = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ZYLOGIN=")).findFirst().orElseThrow();
        assertThat(state).doesNotContain("Secure").contains("Path=/oauth/callback");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theLogOfAJourneyHoldsNoneOfTheTokensCodesOrSecretsZohoIssued() throws Exception {
        portal.sandbox().tokenLifetime(70); // renewals within the journey, so refresh tokens are used too
        URI callback = client.authorize(client.startLogin("return=%2Fhome"), PRIYA, true);
        String code = PortalClient.query(callback).get("code");
        String state = PortalClient.query(callback).get("state");
        client.get(callback.toString());
        for (String path : List.of("/home", "/crm/api/summary", "/crm/", "/crm/leads", "/books/", "/account")) {
            client.get(path);
        }
        portal.sandbox().advanceClock(120);
        for (String path : List.of("/crm/api/summary", "/crm/", "/books/")) {
            client.get(path);
        }
        client.signOut("");

        List<String> secrets = new ArrayList<>(issuedTokens(portal.sandbox().get("control/tokens")));
        assertThat(secrets).as("the sandbox issued access and refresh tokens").hasSizeGreaterThanOrEqualTo(2);
        secrets.add(code);
        secrets.add(state);
        secrets.add("zylker-sandbox-demo-secret");
        // The whole process log (every WAR and the sandbox write to it): tokens are unique to this run.
        String log = new String(Files.readAllBytes(portal.log()), StandardCharsets.UTF_8);
        assertThat(log).as("positive control: this is the portal's log").contains("Zoho sandbox: client 1000.ZYLKERDEMO");
        for (String secret : secrets) {
            assertThat(log).as("the log holds no issued token, code or secret").doesNotContain(secret);
        }
    }

    private static List<String> issuedTokens(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject all = reader.readObject();
            return all.getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                    .map(t -> t.getString("token")).toList();
        }
    }

    private static String scriptSources(String csp) {
        for (String directive : csp.split(";")) {
            if (directive.trim().startsWith("script-src")) {
                return directive;
            }
        }
        return "";
    }
}
