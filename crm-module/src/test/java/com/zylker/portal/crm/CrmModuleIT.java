package com.zylker.portal.crm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.ui.testing.PortalPages;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** crm-module as built, deployed alone in Payara Micro: its screens render inside the shared layout with PrimeFaces. */
@ExtendWith(ArquillianExtension.class)
class CrmModuleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/crm-module.war"));
    }

    @ArquillianResource
    URL base;

    @Test
    void startScreenRendersInsideTheSharedLayoutWithPrimeFaces() throws URISyntaxException {
        URI start = base.toURI();

        String html = PortalPages.get(start, 200);

        PortalPages.assertSharedLayout(html, "nav-pipeline");
        assertTrue(html.contains("id=\"crm-title\""), "screen title missing");
        assertTrue(html.contains("Enrolment pipeline"), "screen heading missing");
        PortalPages.assertPrimeFacesLoads(start, html);
    }

    @Test
    void unknownPageGetsTheFriendlyErrorPage() throws URISyntaxException {
        String html = PortalPages.get(base.toURI().resolve("no-such-page"), 404);

        assertTrue(html.contains("We could not find that page"), "404 page is not the portal's error page");
    }
}
