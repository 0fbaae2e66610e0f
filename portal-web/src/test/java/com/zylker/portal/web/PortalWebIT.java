package com.zylker.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.persistence.JtaTransactor;
import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.testsupport.SignedInUsers;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.token.TokenStore;
import com.zylker.portal.ui.testing.PortalPages;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * portal-web as built (target/portal-web.war) in Payara Micro: its pages render inside the shared layout with
 * PrimeFaces loaded, and — inside the container — the persistence unit runs on Hibernate over the schema
 * Flyway migrated at startup.
 */
@ExtendWith(ArquillianExtension.class)
class PortalWebIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal-web.war"))
                .addClasses(PortalPages.class, SignedInUsers.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    JtaTransactor transactor;

    @Inject
    TokenStore tokenStore;

    @Inject
    PortalSessions sessions;

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
    @RunAsClient
    void unknownPageGetsTheFriendlyErrorPage() throws URISyntaxException {
        String html = PortalPages.get(base.toURI().resolve("no-such-page"), 404);

        PortalPages.assertSharedLayout(html, null);
        assertTrue(html.contains("We could not find that page"), "404 page is not the portal's error page");
    }

    @Test
    @RunAsClient
    void homeNeedsASignInAndRemembersWhereTheVisitorWanted() throws URISyntaxException {
        PortalPages.get(base.toURI().resolve("home"), 302);
    }

    @Test
    void homeGreetsTheSignedInUserAndIsNotCached() throws URISyntaxException {
        String cookie = SignedInUsers.signIn(tokenStore, sessions, "priya.raman@zylkeracademy.com", "Priya Raman");

        String html = PortalPages.get(base.toURI().resolve("home"), 200, cookie);

        PortalPages.assertSharedLayout(html, "nav-home");
        assertTrue(html.contains("id=\"home-user-name\">Priya Raman<"), "user's name missing on home");
        assertTrue(!html.contains("id=\"home-admin\""), "a non-admin sees the admin link");
    }

    @Test
    void adminPagesAreForAdminsOnly() throws URISyntaxException {
        String user = SignedInUsers.signIn(tokenStore, sessions, "daniel.brooks@zylkeracademy.com", "Daniel Brooks");
        String admin = SignedInUsers.signIn(tokenStore, sessions, "aisha.khan@zylkeracademy.com", "Aisha Khan");

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
        OAuthToken saved = tokenStore.saveToken(OAuthToken.builder()
                .userName("container.check@zylkeracademy.com")
                .clientId("1000.ZYLKERDEMO")
                .clientSecret("secret-for-the-container-check")
                .accessToken("1000.access.container")
                .refreshToken("1000.refresh.container")
                .expiryTime(expiry)
                .apiDomain("http://localhost/api/com")
                .accountsServer("http://localhost/accounts/com")
                .build());

        Optional<OAuthToken> found = tokenStore.findTokenById(saved.id());

        assertTrue(found.isPresent(), "saved token not found by id");
        assertEquals("container.check@zylkeracademy.com", found.get().userName());
        assertEquals("1000.refresh.container", found.get().refreshToken());
        assertEquals(expiry, found.get().expiryTime());
        tokenStore.deleteToken(saved.id());
    }
}
