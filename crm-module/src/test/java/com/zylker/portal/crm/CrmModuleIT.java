package com.zylker.portal.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zylker.portal.core.testsupport.StubZohoServer;
import com.zylker.portal.crm.application.LeadForm;
import com.zylker.portal.crm.application.LeadsAgainstStubZoho;
import com.zylker.portal.ui.testing.AbstractModuleIT;
import com.zylker.portal.ui.testing.PortalPages;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * crm-module as built, alone in Payara Micro: the checks every portal WAR shares, on the pipeline screen; the
 * leads screen with Zoho out of reach; the leads service against a scripted Zoho (here, because its JSON
 * provider is the container's), and the new-lead form's constraints with the container's Bean Validation.
 */
class CrmModuleIT extends AbstractModuleIT {

    /** Nothing listens on port 9 of loopback: the configured Zoho is unreachable, never someone's sandbox on 8080. */
    private static final String UNREACHABLE_ZOHO = "config_ordinal=500\nzoho.dc.com.api-url=http://127.0.0.1:9/api/com\n";

    @Inject
    Validator validator;

    CrmModuleIT() {
        super("", "nav-pipeline", "crm-title", "Enrolment pipeline");
    }

    @Deployment
    static WebArchive deployment() {
        return moduleDeployment("crm-module.war", true)
                .addClasses(CrmModuleIT.class, LeadsAgainstStubZoho.class, StubZohoServer.class)
                .addAsResource(new StringAsset(UNREACHABLE_ZOHO), "META-INF/microprofile-config.properties");
    }

    @Test
    void leadsScreenRendersAndSaysInWordsWhenZohoCannotBeReached() {
        String cookie = signIn("priya.raman@zylkeracademy.com", "Priya Raman");

        String html = PortalPages.get(page("leads"), 200, cookie);

        PortalPages.assertSharedLayout(html, "nav-pipeline");
        assertTrue(html.contains("id=\"leads-title\""), "leads title missing");
        assertTrue(html.contains("Zoho is not answering right now"), "no words for the unreachable Zoho");
        assertTrue(html.contains("id=\"leads-retry\""), "no way to try again");
        assertTrue(html.contains("leads/leads.js"), "the page script is not a resource");
        assertFalse(html.contains("onclick=\"PF("), "an inline handler opens the dialog");
    }

    @Test
    void newLeadFormConstraintsSpeakToPeople() {
        LeadForm form = new LeadForm();
        form.setLastName(" ");
        form.setEmail("not-an-email");
        form.setPhone("call me");

        Set<String> messages = validator.validate(form).stream().map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());

        assertEquals(3, messages.size(), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Last name is required")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Email: enter an address")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Phone:")), messages::toString);
    }

    @Test
    void leadsPageIsOneListCallWithSortAndCourseField() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.aPageIsOneListCallWithTheSortAndTheCourseFieldAndSaysWhetherThereIsMore();
        }
    }

    @Test
    void leadsFieldMetadataIsReadOncePerDataCentre() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.fieldMetadataIsReadOncePerDataCentre();
        }
    }

    @Test
    void leadsSearchWithoutHitsIsAnEmptyPage() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.searchWithoutHitsIsAnEmptyPageWithoutMore();
        }
    }

    @Test
    void leadsStatusAndTextAreOneEscapedCriteria() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.statusAndTextAreOneEscapedCriteria();
        }
    }

    @Test
    void leadsBusyZohoIsOneCall() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.busyZohoIsOneCallAndARateLimitedFailure();
        }
    }

    @Test
    void leadsSlowZohoIsATimeoutAfterOneCall() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.aSlowZohoIsATimeoutAfterOneCall();
        }
    }

    @Test
    void leadsPagesPastCrmsLimitCostNothing() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.pagesPastWhatCrmPagesCostNothing();
        }
    }

    @Test
    void leadsDuplicateIsReportedWithTheExistingLead() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.aDuplicateEmailIsReportedWithTheExistingLeadAndNothingElseIsSent();
        }
    }

    @Test
    void leadsInvalidFormIsRefusedBeforeAnyCall() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.anInvalidFormIsRefusedBeforeAnyCall();
        }
    }

    @Test
    void leadsSameSubmissionTwiceAtOnceCreatesOnce() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.theSameSubmissionSentTwiceAtOnceCreatesOnce();
        }
    }

    @Test
    void leadsFailedSubmissionCanBeSentAgain() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.aFailedSubmissionCanBeSentAgain();
        }
    }

    @Test
    void leadsStatusChangeIsOneGuardedUpdate() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.aStatusChangeIsOneGuardedUpdateAndInvalidDataIsARefusalInWords();
        }
    }

    @Test
    void leadsStatusOutsideThePicklistIsRefusedWithoutAnUpdate() throws Exception {
        try (LeadsAgainstStubZoho zoho = new LeadsAgainstStubZoho()) {
            zoho.aStatusOutsideThePicklistIsRefusedWithoutAnUpdate();
        }
    }
}
