package com.zylker.portal.crm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.testsupport.SignedInUsers;
import com.zylker.portal.core.token.TokenStore;
import com.zylker.portal.ui.testing.PortalPages;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * crm-module as built, deployed alone in Payara Micro: its screens need a signed-in user (the shared session
 * mechanism from token-core), and render inside the shared layout with PrimeFaces for one. Runs in the
 * container so it can create the session rows a sign-in would leave.
 */
@ExtendWith(ArquillianExtension.class)
class CrmModuleIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/crm-module.war"))
                .addClasses(PortalPages.class, SignedInUsers.class)
                // Every screen needs a sign-in; this test-only fragment lets Arquillian's runner servlet through.
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "arquillian-runner-open.jar")
                        .addAsManifestResource("arquillian-runner-web-fragment.xml", "web-fragment.xml"));
    }

    @ArquillianResource
    URL base;

    @Inject
    TokenStore tokens;

    @Inject
    PortalSessions sessions;

    @Test
    void signedOutVisitorIsSentToLoginWithZoho() throws URISyntaxException {
        PortalPages.get(base.toURI(), 302);
    }

    @Test
    void startScreenRendersInsideTheSharedLayoutWithPrimeFaces() throws URISyntaxException {
        String cookie = SignedInUsers.signIn(tokens, sessions, "priya.raman@zylkeracademy.com", "Priya Raman");
        URI start = base.toURI();

        String html = PortalPages.get(start, 200, cookie);

        PortalPages.assertSharedLayout(html, "nav-pipeline");
        assertTrue(html.contains("id=\"crm-title\""), "screen title missing");
        assertTrue(html.contains("Enrolment pipeline"), "screen heading missing");
        assertTrue(html.contains("Priya Raman"), "signed-in user not shown in the user area");
        PortalPages.assertPrimeFacesLoads(start, html);
    }

    @Test
    void unknownPageGetsTheFriendlyErrorPage() throws URISyntaxException {
        String cookie = SignedInUsers.signIn(tokens, sessions, "daniel.brooks@zylkeracademy.com", "Daniel Brooks");

        String html = PortalPages.get(base.toURI().resolve("no-such-page"), 404, cookie);

        assertTrue(html.contains("We could not find that page"), "404 page is not the portal's error page");
    }
}
