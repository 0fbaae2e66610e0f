package com.zylker.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.persistence.JtaTransactor;
import com.zylker.portal.core.testsupport.SignedInUsers;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.ui.testing.AbstractModuleIT;
import com.zylker.portal.ui.testing.PortalPages;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * portal-web as built (target/portal-web.war) in Payara Micro: the checks every WAR shares (on /account), its
 * own pages, the CSRF defence of a JAX-RS write, and — inside the container — the persistence unit on
 * Hibernate over the schema Flyway migrated at startup.
 */
class PortalWebIT extends AbstractModuleIT {

    PortalWebIT() {
        super("account", null, "account-title", "Your sign-in");
    }

    @Deployment
    static WebArchive deployment() {
        return moduleDeployment("portal-web.war", false).addClass(PortalWebIT.class);
    }

    @Inject
    JtaTransactor transactor;


    @Test
    @RunAsClient
    void landingPageOffersLoginWithZohoInsideTheSharedLayout() throws URISyntaxException {
        URI root = base.toURI();

        String html = PortalPages.get(root, 200);

        PortalPages.assertSharedLayout(html, null);
        assertTrue(html.contains("id=\"login-with-zoho\""), "no Login with Zoho control on the landing page");
        PortalPages.assertPrimeFacesLoads(root, html);
    }

    @Test
    void aJaxRsWriteNeedsASameSiteRequestWithTheSessionsToken() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");
        String token = PortalPages.csrfToken(PortalPages.get(page("account"), 200, cookie));
        String json = "{\"area\":\"invoices\",\"details\":\"The invoice list stays empty.\",\"page\":\"/books/\"}";
        Map<String, String> sameSite = new HashMap<>(PortalPages.sameOrigin(portalOrigin()));
        sameSite.put("Content-Type", "application/json");
        Map<String, String> crossSite = new HashMap<>(PortalPages.crossSite());
        crossSite.put("Content-Type", "application/json");
        crossSite.put("X-CSRF-Token", token);
        Map<String, String> sameSiteWithToken = new HashMap<>(sameSite);
        sameSiteWithToken.put("X-CSRF-Token", token);

        HttpResponse<String> fromAnotherSite = PortalPages.send(report(json), crossSite, cookie);
        HttpResponse<String> withoutToken = PortalPages.send(report(json), sameSite, cookie);
        HttpResponse<String> fromThePortal = PortalPages.send(report(json), sameSiteWithToken, cookie);

        assertEquals(403, fromAnotherSite.statusCode(), "cross-site write");
        assertTrue(fromAnotherSite.body().contains("\"error\":\"csrf\""), "refusal is not JSON for the page script");
        assertEquals(403, withoutToken.statusCode(), "same-site write without the token");
        assertEquals(201, fromThePortal.statusCode(), () -> "same-site write with the token: " + fromThePortal.body());
        assertTrue(fromThePortal.body().matches("\\{\"reference\":\"ZY-[A-Z0-9]{6}\"}"), fromThePortal.body());
    }

    @Test
    void anApiCallAfterTheSessionEndedAnswersJsonWithTheWayBack() {
        String cookie = signIn("daniel.brooks@zylkeracademy.com", "Daniel Brooks");
        sessions.end(cookie.substring(cookie.indexOf('=') + 1));

        HttpResponse<String> response = PortalPages.send(HttpRequest.newBuilder(page("api/home/summary")).GET(),
                Map.of("Referer", portalOrigin() + "/account"), cookie);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("\"error\":\"signin-ended\""), response.body());
        assertTrue(response.body().contains("\"signIn\":\"/login?return=%2Faccount\""), response.body());
    }

    @Test
    @RunAsClient
    void theSessionEndedPageSaysSoAndLeadsBackToThePage() throws URISyntaxException {
        String html = PortalPages.get(base.toURI().resolve("session-ended?return=%2Fcrm%2Fleads"), 200);

        assertTrue(html.contains("Your session ended — sign in to carry on"), "message missing");
        assertTrue(html.contains("href=\"/login?return=%2Fcrm%2Fleads\""), "sign-in link does not lead back");
    }

    private HttpRequest.Builder report(String json) {
        return HttpRequest.newBuilder(page("api/account/problem-reports")).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    @RunAsClient
    void homeNeedsASignInAndRemembersWhereTheVisitorWanted() throws URISyntaxException {
        PortalPages.get(base.toURI().resolve("home"), 302);
    }

    @Test
    void homeGreetsTheSignedInUserAndIsNotCached() throws URISyntaxException {
        String cookie = SignedInUsers.signIn(tokens, sessions, "priya.raman@zylkeracademy.com", "Priya Raman");

        String html = PortalPages.get(base.toURI().resolve("home"), 200, cookie);

        PortalPages.assertSharedLayout(html, "nav-home");
        assertTrue(html.contains("id=\"home-user-name\">Priya Raman<"), "user's name missing on home");
        assertTrue(!html.contains("id=\"home-admin\""), "a non-admin sees the admin link");
    }

    @Test
    void adminPagesAreForAdminsOnly() throws URISyntaxException {
        String user = SignedInUsers.signIn(tokens, sessions, "daniel.brooks@zylkeracademy.com", "Daniel Brooks");
        String admin = SignedInUsers.signIn(tokens, sessions, "aisha.khan@zylkeracademy.com", "Aisha Khan");

        String refused = PortalPages.get(base.toURI().resolve("admin/"), 403, user);
        String allowed = PortalPages.get(base.toURI().resolve("admin/"), 200, admin);

        assertTrue(refused.contains("You do not have access to this page"), "403 is not the portal's error page");
        assertTrue(allowed.contains("id=\"admin-title\""), "admin page not shown to the admin");
        assertTrue(allowed.contains("id=\"nav-admin\""), "admins see the Admin navigation entry");
        assertTrue(!refused.contains("id=\"nav-admin\""), "others do not see the Admin navigation entry");
    }

    @Test
    void persistenceUnitRunsOnHibernate() {
        Object session = transactor.inTransaction(em -> em.unwrap(Session.class));

        assertInstanceOf(Session.class, session);
    }

    @Test
    void tokenStorePersistsAndReadsThroughTheMigratedSchema() {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        OAuthToken saved = tokens.saveToken(OAuthToken.builder()
                .userName("container.check@zylkeracademy.com")
                .clientId("1000.ZYLKERDEMO")
                .clientSecret("secret-for-the-container-check")
                .accessToken("1000.access.container")
                .refreshToken("1000.refresh.container")
                .expiryTime(expiry)
                .apiDomain("http://localhost/api/com")
                .accountsServer("http://localhost/accounts/com")
                .build());

        Optional<OAuthToken> found = tokens.findTokenById(saved.id());

        assertTrue(found.isPresent(), "saved token not found by id");
        assertEquals("container.check@zylkeracademy.com", found.get().userName());
        assertEquals("1000.refresh.container", found.get().refreshToken());
        assertEquals(expiry, found.get().expiryTime());
        tokens.deleteToken(saved.id());
    }
}
