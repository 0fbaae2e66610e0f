package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two people in two browsers: the coordinator works in the CRM, the administrator revokes her session from the
 * sessions table (with its confirmation); the coordinator's next click in {@code /crm/} lands on the
 * signed-out page, and the sandbox counts one revocation. Screenshots of the sessions table and the audit trail.
 */
@ExtendWith({Browser.class, WholePortal.class})
class AdminBrowserIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";

    @BeforeEach
    void freshSandbox(RunningPortal portal) {
        portal.sandbox().reset();
    }

    @Test
    void theAdminRevokesTheCoordinatorsSessionAndHerNextClickInTheCrmLandsOnTheSignedOutPage(WebDriver admin,
                                                                                            RunningPortal portal) {
        WebDriver coordinator = Browser.another();
        try {
            // Other test classes of this run leave sessions of Priya behind: end them first, so the browser's is
            // her only one and its revocation ends her grant.
            PortalClient earlier = new PortalClient(portal.base());
            earlier.signIn(PRIYA);
            assertThat(earlier.signOut("?everywhere=true").statusCode()).isBetween(302, 303);
            admin.get(portal.base().toString());
            admin.manage().deleteAllCookies();
            signIn(coordinator, portal, "user-priya-raman");
            coordinator.get(portal.url("/crm/").toString());
            wait(coordinator).until(ExpectedConditions.presenceOfElementLocated(By.id("crm-title")));
            signIn(admin, portal, "user-aisha-khan");
            long revocations = portal.sandbox().counter("revocations", "com");

            admin.get(portal.url("/admin/").toString());
            wait(admin).until(ExpectedConditions.presenceOfElementLocated(By.id("sessions-form:sessions-table")));
            assertThat(admin.findElement(By.id("sessions-form:sessions-table")).getText())
                    .contains("Priya Raman", PRIYA, "Aisha Khan", "held");
            Browser.screenshot(admin, "admin-sessions");
            WebElement priyasRow = admin.findElement(By.xpath(
                    "//tr[.//span[contains(@class,'admin-user-email') and normalize-space()='" + PRIYA + "']]"));
            priyasRow.findElement(By.cssSelector("button.admin-revoke")).click();
            WebElement yes = wait(admin).until(ExpectedConditions.elementToBeClickable(By.id("sessions-form:confirm-yes")));
            Browser.screenshot(admin, "admin-revoke-confirmation");
            // PrimeFaces' dialog may drop a click while it animates in: click until the answer is there.
            wait(admin).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
                if (d.findElements(By.cssSelector(".admin-info")).isEmpty() && yes.isDisplayed()) {
                    yes.click();
                }
                return !d.findElements(By.cssSelector(".admin-info")).isEmpty();
            });
            assertThat(admin.findElement(By.id("admin-messages")).getText()).contains("Session of " + PRIYA + " ended");
            assertThat(portal.sandbox().counter("revocations", "com") - revocations).as("revocations").isEqualTo(1);

            coordinator.findElement(By.id("nav-pipeline")).click();
            wait(coordinator).until(ExpectedConditions.presenceOfElementLocated(By.id("session-ended")));
            assertThat(coordinator.getCurrentUrl()).contains("/session-ended");
            assertThat(coordinator.findElement(By.id("session-ended")).getText()).contains("Your session ended");
            Browser.screenshot(coordinator, "admin-revoked-coordinator-signed-out");

            admin.get(portal.url("/admin/audit").toString());
            wait(admin).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-form:audit-table")));
            assertThat(admin.findElement(By.id("audit-form:audit-table")).getText()).contains("Revoke session", PRIYA);
            Browser.screenshot(admin, "admin-audit");
        } finally {
            coordinator.quit();
        }
    }

    private static void signIn(WebDriver browser, RunningPortal portal, String userButton) {
        browser.get(portal.url("/login").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id(userButton))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept"))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("home-user-name")));
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
