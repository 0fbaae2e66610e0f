package com.zylker.portal.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.testsupport.SignedInUsers;
import com.zylker.portal.core.token.TokenStore;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checks every portal WAR shares, run inside Payara Micro on the WAR as built: a signed-out visitor is
 * sent to Login with Zoho, the start screen renders inside the shared layout with PrimeFaces, an unknown page
 * gets the friendly 404, a cross-site post is refused while a same-site one with the session's token works,
 * a postback after the session ended is sent to sign in (a partial-response redirect for ajax), and the
 * shared components render, escaped. A module's IT is a few lines:
 *
 * <pre>{@code
 * class CrmModuleIT extends AbstractModuleIT {
 *     @Deployment
 *     static WebArchive deployment() { return moduleDeployment("crm-module.war", true); }
 *     CrmModuleIT() { super("", "nav-pipeline", "crm-title", "Enrolment pipeline"); }
 * }
 * }</pre>
 * Each subclass costs one Payara Micro start: keep module ITs to one class per WAR.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class AbstractModuleIT {

    /** The test-only page with the shared components and a Faces form (from this test jar). */
    protected static final String CHECK_PAGE = "zylker-components-check.xhtml";

    @ArquillianResource
    protected URL base;

    @Inject
    protected TokenStore tokens;

    @Inject
    protected PortalSessions sessions;

    private final String privatePage;
    private final String activeNav;
    private final String titleId;
    private final String heading;

    /**
     * @param privatePage a page (relative to the WAR) that needs a sign-in: the start screen's checks run on it
     * @param activeNav   the navigation entry it marks active ({@code null} for none)
     * @param titleId     the id of its heading
     * @param heading     text of its heading
     */
    protected AbstractModuleIT(String privatePage, String activeNav, String titleId, String heading) {
        this.privatePage = privatePage;
        this.activeNav = activeNav;
        this.titleId = titleId;
        this.heading = heading;
    }

    /**
     * The WAR from {@code target/}, plus what these checks need inside it. {@code openRunner}: the WAR
     * protects {@code /*}, so a test-only fragment lets Arquillian's runner servlet through.
     */
    protected static WebArchive moduleDeployment(String warFile, boolean openRunner) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/" + warFile))
                .addClasses(AbstractModuleIT.class, PortalPages.class, SignedInUsers.class, FailureCheckBean.class)
                .addAsWebResource(CHECK_PAGE, CHECK_PAGE);
        if (openRunner) {
            war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "arquillian-runner-open.jar")
                    .addAsManifestResource("arquillian-runner-web-fragment.xml", "web-fragment.xml"));
        }
        return war;
    }

    protected URI page(String relative) {
        try {
            return base.toURI().resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String signIn(String email, String name) {
        return SignedInUsers.signIn(tokens, sessions, email, name);
    }

    /** The portal's public origin as configured ({@code portal.base-url}): what a browser on a portal page sends. */
    protected static String portalOrigin() {
        return ConfigProvider.getConfig().getValue("portal.base-url", String.class);
    }

    @Test
    void signedOutVisitorIsSentToLoginWithZoho() {
        HttpResponse<String> response = PortalPages.send(HttpRequest.newBuilder(page(privatePage)).GET(), Map.of(), null);

        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/login?return="),
                () -> "sent to " + response.headers().firstValue("Location"));
    }

    @Test
    void startScreenRendersInsideTheSharedLayoutWithPrimeFaces() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");

        String html = PortalPages.get(page(privatePage), 200, cookie);

        PortalPages.assertSharedLayout(html, activeNav);
        assertTrue(html.contains("id=\"" + titleId + "\""), "screen title missing");
        assertTrue(html.contains(heading), "screen heading missing");
        assertTrue(html.contains("Priya Raman"), "signed-in user not shown in the user area");
        assertTrue(html.contains("id=\"zy-ajax-status\""), "no ajax status indicator");
        assertTrue(html.contains("role=\"status\""), "ajax status is not announced");
        assertFalse(PortalPages.csrfToken(html).isEmpty(), "no CSRF token for a signed-in page");
        PortalPages.assertPrimeFacesLoads(page(privatePage), html);
    }

    /** Every WAR gets the security headers from portal-ui: its start screen (a Faces page) and its 404. */
    @Test
    void startScreenAndErrorPageCarryTheSecurityHeaders() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");
        for (String relative : new String[] {privatePage, "no-such-page"}) {
            HttpResponse<String> response = PortalPages.send(HttpRequest.newBuilder(page(relative)).GET(), Map.of(), cookie);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), relative + ": CSP " + csp);
            assertEquals(1, response.headers().allValues("Content-Security-Policy").size(), relative + ": one policy");
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), relative);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), relative);
            assertFalse(response.headers().firstValue("X-Powered-By").isPresent(), relative + ": X-Powered-By");
        }
        HttpResponse<String> screen = PortalPages.send(HttpRequest.newBuilder(page(privatePage)).GET(), Map.of(), cookie);
        assertTrue(screen.headers().firstValue("Content-Security-Policy").orElse("").contains("'nonce-"),
                "PrimeFaces' nonce on the start screen");
    }

    @Test
    void unknownPageGetsTheFriendlyErrorPage() {
        String cookie = signIn("daniel.brooks@zylkeracademy.com", "Daniel Brooks");

        String html = PortalPages.get(page("no-such-page"), 404, cookie);

        assertTrue(html.contains("We could not find that page"), "404 page is not the portal's error page");
    }

    @Test
    void sharedComponentsRenderFormattedAndEscaped() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");

        String html = PortalPages.get(page(CHECK_PAGE), 200, cookie).replace("&nbsp;", " ").replace("&#160;", " ")
                .replace("\u00A0", " ");

        assertTrue(html.contains("₹ 45,000.00"), "INR amount not formatted for the academy's locale");
        assertTrue(html.contains("EUR 1,200.00"), "a foreign currency is not shown with its code");
        assertTrue(html.contains("&lt;b&gt;Closed Won&lt;/b&gt;"), "status text is not escaped");
        assertTrue(html.contains("zy-badge zy-badge-neutral"), "badge colour missing");
        assertTrue(html.contains("No invoices yet") && html.contains("href=\"/books/invoice-new\""), "empty state incomplete");
    }

    @Test
    void crossSitePostIsRefusedWhileTheSameSitePostWithTheTokenWorks() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");
        String html = PortalPages.get(page(CHECK_PAGE), 200, cookie);
        Map<String, String> form = new HashMap<>(Map.of("check-form", "check-form", "check-form:send", "Send",
                "jakarta.faces.ViewState", PortalPages.viewState(html), "primefaces.nonce", PortalPages.nonce(html)));
        Map<String, String> withToken = new HashMap<>(form);
        withToken.put("zy-csrf", PortalPages.csrfToken(html));

        HttpResponse<String> crossSite = PortalPages.post(page(CHECK_PAGE), withToken, PortalPages.crossSite(), cookie);
        HttpResponse<String> noToken = PortalPages.post(page(CHECK_PAGE), form, PortalPages.sameOrigin(portalOrigin()), cookie);
        HttpResponse<String> sameSite = PortalPages.post(page(CHECK_PAGE), withToken, PortalPages.sameOrigin(portalOrigin()), cookie);

        assertEquals(403, crossSite.statusCode(), "cross-site post");
        assertTrue(crossSite.body().contains("The portal refused this request"), "refusal is not the portal's error page");
        assertEquals(403, noToken.statusCode(), "same-site post without the session's token");
        assertEquals(200, sameSite.statusCode(), "same-site post with the token");
        assertTrue(sameSite.body().contains("id=\"check-form\""), "the postback did not render the page");
    }

    @Test
    void ajaxFailuresShowZohosTroubleInWordsAndAnythingElseAsTheErrorPage() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");
        String html = PortalPages.get(page(CHECK_PAGE), 200, cookie);

        String busy = ajaxClick(html, "check-form:busy", cookie);
        String scope = ajaxClick(html, "check-form:scope", cookie);
        String bug = ajaxClick(html, "check-form:bug", cookie);

        assertTrue(busy.contains("Zoho is busy — please retry in 30 s."), () -> "no words for a busy Zoho: " + busy);
        assertTrue(busy.contains("zy-growl"), "the message is not in the growl");
        assertTrue(scope.contains("href=\"/sign-in-again?return=%2F"), () -> "no sign-in-again link: " + scope);
        assertTrue(scope.contains("Sign in again"), "no sign-in-again link text");
        assertTrue(bug.contains("<partial-response") && bug.contains("Something went wrong on our side"),
                () -> "an ajax bug does not show the error page: " + bug);
        assertFalse(bug.contains("IllegalStateException"), "stack trace or exception name shown");
    }

    /** A PrimeFaces ajax click on a command button of the check page's form, as the browser sends it. */
    private String ajaxClick(String html, String button, String cookie) {
        Map<String, String> form = new HashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", button);
        form.put("jakarta.faces.partial.execute", "@all");
        form.put("jakarta.faces.partial.render", "@none");
        form.put(button, button);
        form.put("check-form", "check-form");
        form.put("jakarta.faces.ViewState", PortalPages.viewState(html));
        form.put("primefaces.nonce", PortalPages.nonce(html)); // as PrimeFaces' script sends it
        Map<String, String> headers = new HashMap<>(PortalPages.sameOrigin(portalOrigin()));
        headers.put("Faces-Request", "partial/ajax");
        headers.put("X-CSRF-Token", PortalPages.csrfToken(html));
        HttpResponse<String> response = PortalPages.post(page(CHECK_PAGE), form, headers, cookie);
        assertEquals(200, response.statusCode(), () -> button + " answered " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    @Test
    void pagesAndPostbacksAfterTheSessionEndedAreSentToSignInAndBack() {
        String cookie = signIn("daniel.brooks@zylkeracademy.com", "Daniel Brooks");
        String html = PortalPages.get(page(privatePage), 200, cookie);
        sessions.end(cookie.substring(cookie.indexOf('=') + 1));
        Map<String, String> ajax = new HashMap<>(PortalPages.sameOrigin(portalOrigin()));
        ajax.put("Faces-Request", "partial/ajax");
        Map<String, String> form = Map.of("jakarta.faces.ViewState", "stale", "zy-csrf", PortalPages.csrfToken(html));

        HttpResponse<String> ajaxPostback = PortalPages.post(page(privatePage), form, ajax, cookie);
        HttpResponse<String> postback = PortalPages.post(page(privatePage), form, PortalPages.sameOrigin(portalOrigin()), cookie);
        HttpResponse<String> get = PortalPages.send(HttpRequest.newBuilder(page(privatePage)).GET(), Map.of(), cookie);

        assertEquals(200, ajaxPostback.statusCode(), "ajax postback");
        assertTrue(ajaxPostback.body().contains("<partial-response><redirect url=\"/session-ended?return="),
                () -> "ajax postback got " + ajaxPostback.body());
        assertEquals(302, postback.statusCode(), "plain postback");
        assertTrue(postback.headers().firstValue("Location").orElse("").contains("/session-ended?return="),
                () -> "plain postback sent to " + postback.headers().firstValue("Location"));
        assertEquals(302, get.statusCode(), "page");
        assertTrue(get.headers().firstValue("Location").orElse("").contains("/session-ended?return="),
                () -> "page sent to " + get.headers().firstValue("Location"));
    }
}
